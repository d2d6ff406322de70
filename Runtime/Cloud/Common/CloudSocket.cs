using System;
using System.Collections.Generic;
using System.IO;
using System.Net.WebSockets;
using System.Threading;
using System.Threading.Tasks;

namespace VoiceNpc.Providers.Cloud
{
    /// <summary>What the WebSocket clients share: the ws/wss address of a base URL, and a connect that names a refused handshake.</summary>
    public static class CloudSocket
    {
        /// <summary>The base URL with ws for http and wss for https, and the given path and query.</summary>
        public static Uri Address(Uri baseUrl, string path, string query)
        {
            var scheme = baseUrl.Scheme == "https" ? "wss" : baseUrl.Scheme == "http" ? "ws" : baseUrl.Scheme;
            return new UriBuilder(baseUrl) { Scheme = scheme, Port = baseUrl.IsDefaultPort ? -1 : baseUrl.Port, Path = path, Query = query }.Uri;
        }

        /// <summary>
        /// An open socket, or <see cref="CloudStatusException"/> for a handshake the server refused with an HTTP status
        /// (transient only for 429 and 5xx), or the <see cref="WebSocketException"/> of a connection that never answered.
        /// </summary>
        public static async Task<ClientWebSocket> ConnectAsync(Uri address, IEnumerable<KeyValuePair<string, string>> headers, CancellationToken cancellationToken)
        {
            var socket = new ClientWebSocket();
            try
            {
                foreach (var header in headers) socket.Options.SetRequestHeader(header.Key, header.Value);
                await socket.ConnectAsync(address, cancellationToken).ConfigureAwait(false);
                return socket;
            }
            catch (WebSocketException e)
            {
                socket.Dispose();
                throw Classify(e);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }

        /// <summary>The most one vendor message may hold: far above any real one, so a broken server cannot exhaust memory.</summary>
        public const int MaxMessageBytes = 4 * 1024 * 1024;

        /// <summary>Adds a received frame to the message being assembled; a message past <see cref="MaxMessageBytes"/> fails the provider.</summary>
        public static void Append(MemoryStream message, byte[] frame, int count, string provider)
        {
            if (message.Length + count > MaxMessageBytes)
                throw new ProviderException(provider,
                    $"a message of more than {MaxMessageBytes / (1024 * 1024)} MiB came: not one the protocol sends");
            message.Write(frame, 0, count);
        }

        /// <summary>netstandard2.1 has no handshake status: read it from the exception's message (".. status code '401' ..").</summary>
        private static Exception Classify(WebSocketException e)
        {
            foreach (int status in new[] { 400, 401, 402, 403, 404, 408, 422, 429, 500, 502, 503 })
                if (e.Message.Contains($"'{status}'") || e.Message.Contains($" {status} "))
                    return new CloudStatusException(status, $"the handshake was refused with HTTP {status}", transient: status == 408 || status == 429 || status >= 500);
            return e;
        }
    }
}
