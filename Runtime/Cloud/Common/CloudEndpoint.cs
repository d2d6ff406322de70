using System;
using System.Net;

namespace VoiceNpc.Providers.Cloud
{
    /// <summary>
    /// Base URLs of cloud services: parsed and checked (plain http or ws is refused except to loopback, the offline
    /// fakes, so a key never crosses a network in clear text), and compared by origin, which is what a key is bound to.
    /// Which base URL a provider uses, and with which key, is <see cref="CloudAccess"/>'s decision.
    /// </summary>
    public static class CloudEndpoint
    {
        /// <summary>The base URL, or <see cref="ProviderException"/> naming what is wrong with it.</summary>
        public static Uri Parse(string provider, string text)
        {
            if (!Uri.TryCreate(text, UriKind.Absolute, out var uri))
                throw new ProviderException(provider, $"base URL \"{text}\" is not an absolute URL");
            if (Problem(uri) is string problem) throw new ProviderException(provider, problem);
            return uri;
        }

        /// <summary>What makes a base URL unusable (a scheme other than https/wss, plain http/ws beyond loopback); null when none.</summary>
        public static string? Problem(Uri uri)
        {
            bool secure = uri.Scheme == "https" || uri.Scheme == "wss";
            bool plain = uri.Scheme == "http" || uri.Scheme == "ws";
            if (!secure && !plain) return $"base URL \"{uri}\" must be https (or http to loopback)";
            if (plain && !IsLoopback(uri)) return $"refuses plain {uri.Scheme} to {uri.Host}: use https (plain {uri.Scheme} only to loopback)";
            return null;
        }

        /// <summary>
        /// Whether two base URLs reach the same server: scheme (ws counts as http, wss as https, since the WebSocket
        /// clients derive one from the other), host and port; the path does not matter.
        /// </summary>
        public static bool SameOrigin(Uri a, Uri b) =>
            Secure(a) == Secure(b) && string.Equals(a.IdnHost, b.IdnHost, StringComparison.OrdinalIgnoreCase) && a.Port == b.Port;

        /// <summary>
        /// Whether <paramref name="endpoint"/> is inside the base URL a key is bound to: the same origin, and a path that
        /// starts with the bound one segment by segment (a shared gateway's other tenants are elsewhere on one host).
        /// </summary>
        public static bool Within(Uri endpoint, Uri boundTo)
        {
            if (!SameOrigin(endpoint, boundTo)) return false;
            string bound = boundTo.AbsolutePath.TrimEnd('/'), path = endpoint.AbsolutePath.TrimEnd('/');
            return path.Equals(bound, StringComparison.Ordinal) || path.StartsWith(bound + "/", StringComparison.Ordinal);
        }

        /// <summary>The host as messages name it: "api.groq.com", or "127.0.0.1:5123" when the port is not the scheme's default.</summary>
        public static string Host(Uri uri) => uri.IsDefaultPort ? uri.Host : $"{uri.Host}:{uri.Port}";

        private static bool Secure(Uri uri) => uri.Scheme == "https" || uri.Scheme == "wss";

        private static bool IsLoopback(Uri uri) =>
            uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
    }
}
