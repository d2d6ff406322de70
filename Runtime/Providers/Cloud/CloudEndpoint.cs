using System;
using System.Net;

namespace VoiceNpc.Providers.Cloud
{
    /// <summary>
    /// Where a cloud provider is reached: per character, else the environment (OPENAI_BASE_URL, ...), else the vendor's
    /// default. Plain http or ws is refused except to loopback (the offline fakes), so a key never crosses a network
    /// in clear text.
    /// </summary>
    public static class CloudEndpoint
    {
        public static Uri Resolve(string provider, string? configured, string environmentVariable, string vendorDefault)
        {
            string text = !string.IsNullOrWhiteSpace(configured) ? configured!
                : Environment.GetEnvironmentVariable(environmentVariable) is string fromEnvironment && fromEnvironment.Length > 0 ? fromEnvironment
                : vendorDefault;
            if (!Uri.TryCreate(text, UriKind.Absolute, out var uri))
                throw new ProviderException(provider, $"base URL \"{text}\" is not an absolute URL");
            bool secure = uri.Scheme == "https" || uri.Scheme == "wss";
            bool plain = uri.Scheme == "http" || uri.Scheme == "ws";
            if (!secure && !plain) throw new ProviderException(provider, $"base URL \"{text}\" must be https (or http to loopback)");
            if (plain && !IsLoopback(uri)) throw new ProviderException(provider, $"refuses plain {uri.Scheme} to {uri.Host}: use https (plain {uri.Scheme} only to loopback)");
            return uri;
        }

        private static bool IsLoopback(Uri uri) =>
            uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
    }
}
