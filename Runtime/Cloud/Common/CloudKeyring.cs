using System;

namespace VoiceNpc.Providers.Cloud
{
    /// <summary>
    /// Where the user's keys are: the environment (OPENAI_API_KEY beside OPENAI_BASE_URL, …) and the secrets file
    /// (<see cref="CloudSecrets"/>, read when first needed). Every key comes out bound to the base URL it was configured
    /// with: an environment key to the environment's base URL, a file key to the file's (else the environment's), else
    /// the vendor's endpoint.
    /// </summary>
    public sealed class CloudKeyring
    {
        private readonly Func<string, string?> _environment;
        private readonly Lazy<CloudSecrets> _secrets;

        public CloudKeyring(string secretsFile, Func<string, string?> environment)
        {
            SecretsFile = secretsFile;
            _environment = environment;
            _secrets = new Lazy<CloudSecrets>(() => CloudSecrets.Load(secretsFile));
        }

        /// <summary>This process's environment and the user's secrets file, as they are now.</summary>
        public static CloudKeyring Default => new CloudKeyring(CloudKey.DefaultSecretsFile, Environment.GetEnvironmentVariable);

        public string SecretsFile { get; }

        /// <summary>The secrets file's entries; <see cref="CloudSecretsException"/> when it is malformed.</summary>
        public CloudSecrets Secrets => _secrets.Value;

        /// <summary>The service's own key (environment first, then the file) bound to its base URL; null when neither has one.</summary>
        public BoundKey? DefaultFor(CloudService service, string provider)
        {
            if (Variable(service.KeyVariable) is string fromEnvironment)
                return Bind(CloudKey.FromValue(fromEnvironment, $"environment variable {service.KeyVariable}"), DefaultBaseUrl(service, provider));
            if (!(Secrets.Variable(service.KeyVariable) is string fromFile)) return null;
            var key = CloudKey.FromValue(fromFile, $"{service.KeyVariable} in {SecretsFile}");
            return Secrets.Variable(service.BaseUrlVariable) is string fileBase
                ? new BoundKey(key, new Uri(fileBase), $"$.{service.BaseUrlVariable} in {SecretsFile}")
                : Bind(key, DefaultBaseUrl(service, provider));
        }

        /// <summary>The environment's base URL for the service (OPENAI_BASE_URL, …), else the vendor's endpoint.</summary>
        public (Uri Url, string Where) DefaultBaseUrl(CloudService service, string provider) =>
            Variable(service.BaseUrlVariable) is string text ? (CloudEndpoint.Parse(provider, text), service.BaseUrlVariable)
                : (new Uri(service.VendorDefault), $"{service.Name}'s own endpoint");

        /// <summary>A key the user named in the secrets file; null when there is none of that name.</summary>
        public BoundKey? Named(string name) => Secrets.Named(name);

        private static BoundKey Bind(CloudKey key, (Uri Url, string Where) baseUrl) => new BoundKey(key, baseUrl.Url, baseUrl.Where);

        private string? Variable(string name) => _environment(name) is string value && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
    }
}
