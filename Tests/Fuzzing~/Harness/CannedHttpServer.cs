using System;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace VoiceNpc.Tests.Fuzzing.Harness
{
    /// <summary>
    /// A loopback HTTP/1.1 server that answers every request with the response set last (status, content type, body
    /// bytes as given) and closes the connection: for feeding fuzzed bodies to a client we do not parse for ourselves.
    /// </summary>
    internal sealed class CannedHttpServer : IDisposable
    {
        private readonly TcpListener _listener = new TcpListener(IPAddress.Loopback, 0);
        private readonly CancellationTokenSource _stop = new CancellationTokenSource();
        private volatile Response _response = new Response(200, "application/json", Array.Empty<byte>());

        public CannedHttpServer()
        {
            _listener.Start();
            _ = Task.Run(AcceptAsync);
        }

        public string BaseUrl => $"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/v1";

        public void Answer(int status, string contentType, byte[] body) => _response = new Response(status, contentType, body);

        private async Task AcceptAsync()
        {
            while (!_stop.IsCancellationRequested)
            {
                TcpClient client;
                try { client = await _listener.AcceptTcpClientAsync(_stop.Token).ConfigureAwait(false); }
                catch (Exception e) when (e is OperationCanceledException || e is SocketException || e is ObjectDisposedException) { return; }
                _ = Task.Run(() => ServeAsync(client));
            }
        }

        private async Task ServeAsync(TcpClient client)
        {
            using (client)
            {
                try
                {
                    var stream = client.GetStream();
                    await SkipRequestAsync(stream).ConfigureAwait(false);
                    var response = _response;
                    var head = Encoding.ASCII.GetBytes($"HTTP/1.1 {response.Status} Canned\r\nContent-Type: {response.ContentType}\r\n" +
                                                       $"Content-Length: {response.Body.Length}\r\nConnection: close\r\n\r\n");
                    await stream.WriteAsync(head, _stop.Token).ConfigureAwait(false);
                    await stream.WriteAsync(response.Body, _stop.Token).ConfigureAwait(false);
                }
                catch (Exception e) when (e is IOException || e is SocketException || e is OperationCanceledException || e is ObjectDisposedException) { }
            }
        }

        /// <summary>Reads the request's headers and its Content-Length body.</summary>
        private async Task SkipRequestAsync(NetworkStream stream)
        {
            var head = new StringBuilder();
            var one = new byte[1];
            while (!(head.Length >= 4 && head[head.Length - 4] == '\r' && head[head.Length - 3] == '\n' && head[head.Length - 2] == '\r' && head[head.Length - 1] == '\n'))
            {
                if (await stream.ReadAsync(one, _stop.Token).ConfigureAwait(false) == 0) return;
                head.Append((char)one[0]);
            }
            int length = 0;
            foreach (var line in head.ToString().Split("\r\n"))
                if (line.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase)) length = int.Parse(line.Substring(15).Trim());
            var body = new byte[4096];
            for (int read = 0; read < length;)
            {
                int n = await stream.ReadAsync(body.AsMemory(0, Math.Min(body.Length, length - read)), _stop.Token).ConfigureAwait(false);
                if (n == 0) return;
                read += n;
            }
        }

        public void Dispose()
        {
            _stop.Cancel();
            _listener.Stop();
        }

        private sealed record Response(int Status, string ContentType, byte[] Body);
    }
}
