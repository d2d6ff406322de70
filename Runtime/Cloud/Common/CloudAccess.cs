using System;
using VoiceNpc.Characters;

namespace VoiceNpc.Providers.Cloud
{
    /// <summary>
    /// Where a cloud provider connects and with which key, decided so that a key only ever goes to the origin it was
    /// configured with. Character files are shared and modded, so a character's base URL is a request, not a decision:
    /// it may move a service within the origin its key is bound to, or name a key the user bound to the new host
    /// ("key": "groq"); anything else is refused (<see cref="ProviderException"/>: the provider cannot start and the
    /// chain falls back). A key given in code goes wherever that code says: the game chose both.
    /// </summary>
    public sealed class CloudAccess
    {
        private CloudAccess(Uri endpoint, CloudKey key)
        {
            Endpoint = endpoint;
            Key = key;
        }

        public Uri Endpoint { get; }
        public CloudKey Key { get; }

        /// <summary>For a provider built from options: the given key to the given base URL, else the user's key to where it is bound.</summary>
        public static CloudAccess ForOptions(string provider, CloudService service, string? baseUrl, CloudKey? key, CloudKeyring? keyring = null)
        {
            var keys = keyring ?? CloudKeyring.Default;
            if (key != null)
                return new CloudAccess(baseUrl != null ? CloudEndpoint.Parse(provider, baseUrl) : keys.DefaultBaseUrl(service, provider).Url, key);
            return Guarded(provider, () => OwnKey(provider, service, baseUrl, keys, $"the options point {service.Name} at",
                $"give the options a Key, or set {service.BaseUrlVariable} to that base URL beside {service.KeyVariable}"));
        }

        /// <summary>For a provider a character's chain names: its "cloud" section's base URL and key name, checked against the user's keys.</summary>
        public static CloudAccess ForCharacter(string provider, CloudService service, CharacterDefinition character, CloudKeyring? keyring = null)
        {
            var keys = keyring ?? CloudKeyring.Default;
            var settings = character.CloudFor(service.Name);
            string who = $"character \"{character.Id}\"";
            if (settings.KeyName is string name) return Guarded(provider, () => NamedKey(provider, service, settings.BaseUrl, name, keys, who));
            string addKey = $"add \"{CloudSecrets.KeysField}\": {{\"NAME\": {{\"key\": \"…\", \"baseUrl\": \"{settings.BaseUrl}\"}}}} to " +
                            $"{keys.SecretsFile} and \"key\": \"NAME\" to the character's cloud.{service.Name}";
            return Guarded(provider, () => OwnKey(provider, service, settings.BaseUrl, keys, $"{who} points {service.Name} at", addKey));
        }

        /// <summary>A malformed secrets file stops the provider like any other reason it cannot start.</summary>
        private static CloudAccess Guarded(string provider, Func<CloudAccess> resolve)
        {
            try { return resolve(); }
            catch (CloudSecretsException e) { throw new ProviderException(provider, e.Message); }
        }

        /// <summary>The service's own key (environment or file), to a base URL in the origin it is bound to.</summary>
        private static CloudAccess OwnKey(string provider, CloudService service, string? baseUrl, CloudKeyring keyring, string pointsAt, string fix)
        {
            var own = keyring.DefaultFor(service, provider);
            var (boundTo, where) = own != null ? (own.BaseUrl, own.Where) : keyring.DefaultBaseUrl(service, provider);
            var endpoint = baseUrl != null ? CloudEndpoint.Parse(provider, baseUrl) : boundTo;
            if (!CloudEndpoint.Within(endpoint, boundTo))
                throw new ProviderException(provider, $"{pointsAt} {CloudEndpoint.Host(endpoint)}, but no key is configured for that host; {fix} " +
                                                      $"({service.KeyVariable} goes only to {CloudEndpoint.Host(boundTo)}, from {where})");
            if (own == null) throw new ProviderException(provider, $"no key: set {service.KeyVariable} or put it in {keyring.SecretsFile}");
            return new CloudAccess(endpoint, own.Key);
        }

        /// <summary>A key the user named and bound in the secrets file, to a base URL in that binding's origin.</summary>
        private static CloudAccess NamedKey(string provider, CloudService service, string? baseUrl, string name, CloudKeyring keyring, string who)
        {
            var named = keyring.Named(name) ?? throw new ProviderException(provider,
                $"{who} names key \"{name}\" for {service.Name}, but {keyring.SecretsFile} has no key \"{name}\"; add \"{CloudSecrets.KeysField}\": " +
                $"{{\"{name}\": {{\"key\": \"…\", \"baseUrl\": \"{baseUrl ?? "https://…"}\"}}}} to it");
            var endpoint = baseUrl != null ? CloudEndpoint.Parse(provider, baseUrl) : named.BaseUrl;
            if (!CloudEndpoint.Within(endpoint, named.BaseUrl))
                throw new ProviderException(provider, $"{who} points {service.Name} at {CloudEndpoint.Host(endpoint)} with key \"{name}\", " +
                                                      $"but that key is bound to {CloudEndpoint.Host(named.BaseUrl)} ({named.Where}) and goes nowhere else");
            return new CloudAccess(endpoint, named.Key);
        }
    }
}
