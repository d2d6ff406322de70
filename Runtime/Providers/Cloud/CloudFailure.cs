using System;

namespace VoiceNpc.Providers.Cloud
{
    /// <summary>What every cloud client says about a failure its vendor-specific cases do not cover, and the key check they share.</summary>
    public static class CloudFailure
    {
        /// <summary>The text for a status error, a timeout, an open circuit or an earlier failure of this provider.</summary>
        public static string Describe(string provider, Exception e, string timeout = "no answer in time") => e switch
        {
            CloudStatusException s => s.Message,
            Polly.Timeout.TimeoutRejectedException _ => timeout,
            Polly.CircuitBreaker.BrokenCircuitException _ => "too many recent failures; not tried until the circuit closes",
            ProviderException p => p.Message.StartsWith(provider + ": ") ? p.Message.Substring(provider.Length + 2) : p.Message,
            _ => e.Message,
        };

        /// <summary>The failure as the chain sees it: named after the provider, never holding the key.</summary>
        public static ProviderException Wrap(string provider, CloudKey key, string what) => new ProviderException(provider, key.Scrub(what));

        /// <summary>The given key, else the environment's or the secrets file's; <see cref="ProviderException"/> when there is none.</summary>
        public static CloudKey RequireKey(string provider, CloudKey? given, string variable) =>
            given ?? CloudKey.Find(variable)
            ?? throw new ProviderException(provider, $"no key: set {variable} or put it in {CloudKey.DefaultSecretsFile}");
    }
}
