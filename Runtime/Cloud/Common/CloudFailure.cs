using System;

namespace VoiceNpc.Providers.Cloud
{
    /// <summary>What every cloud client says about a failure its vendor-specific cases do not cover, never holding the key.</summary>
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

    }
}
