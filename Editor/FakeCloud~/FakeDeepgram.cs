using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace VoiceNpc.FakeCloud
{
    /// <summary>
    /// Deepgram's live listen socket on 127.0.0.1: `wss://…/v1/listen?…` with "Authorization: Token KEY", linear16 audio
    /// in binary frames, KeepAlive / Finalize / CloseStream text frames, Results (interim about every second of audio,
    /// final with from_finalize on Finalize, words timed from the stream's start), Metadata and close 1000 on
    /// CloseStream, close 1011 NET-0001 after 10 s without any frame. A refused handshake is the HTTP status with a
    /// dg-error header and the legacy {"err_code","err_msg","request_id"} body. Pre-recorded `POST /v1/listen` takes
    /// the audio as the body or a {"url"} to fetch. The text comes from the offline recogniser, so it is what the
    /// audio says.
    /// </summary>
    public sealed class FakeDeepgram : IAsyncDisposable
    {
        private readonly WebApplication _app;
        private int _errorsSent, _connections, _drops, _aborted, _keepAlives, _finalizes, _closeStreams;

        private FakeDeepgram(WebApplication app, string key)
        {
            _app = app;
            Key = key;
        }

        public FaultKnobs Knobs { get; } = new FaultKnobs();
        public string Key { get; }
        public string BaseUrl { get; private set; } = "";
        public int Connections => _connections;
        public int Aborted => _aborted;
        public int KeepAlives => _keepAlives;
        public int Finalizes => _finalizes;
        public int CloseStreams => _closeStreams;
        public ConcurrentQueue<string> Queries { get; } = new ConcurrentQueue<string>();
        public OfflineTranscriber Transcriber { get; set; } = new OfflineTranscriber();

        /// <summary>Closes a socket that received no frame for this long (Deepgram: about 10 s).</summary>
        public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromSeconds(10);

        /// <summary>Answer Finalize with a final that lacks "from_finalize", as the service may when little audio was left.</summary>
        public bool OmitFromFinalize { get; set; }

        public static async Task<FakeDeepgram> StartAsync(string key = "dg-fake-local-key", int port = 0)
        {
            var app = LoopbackApp.Create(port);
            app.UseWebSockets();
            var fake = new FakeDeepgram(app, key);
            app.Map("/v1/listen", fake.ListenAsync);
            await app.StartAsync().ConfigureAwait(false);
            fake.BaseUrl = LoopbackApp.Address(app).Replace("http://", "ws://");
            return fake;
        }

        private async Task ListenAsync(HttpContext context)
        {
            Interlocked.Increment(ref _connections);
            if (Knobs.Outage) { context.Abort(); return; }
            string requestId = Guid.NewGuid().ToString();
            context.Response.Headers["dg-request-id"] = requestId;
            if (context.Request.Headers.Authorization.ToString() != "Token " + Key) { await RefuseAsync(context, 401, "INVALID_AUTH", "Invalid credentials.", requestId).ConfigureAwait(false); return; }
            if (Knobs.TakeError(ref _errorsSent)) { await RefuseAsync(context, Knobs.ErrorStatus!.Value, Knobs.ErrorStatus == 429 ? "TOO_MANY_REQUESTS" : "INTERNAL_SERVER_ERROR", "Fault injected by the fake.", requestId).ConfigureAwait(false); return; }
            if (HttpMethods.IsPost(context.Request.Method)) { await PrerecordedAsync(context, requestId).ConfigureAwait(false); return; }
            var query = context.Request.Query;
            if (query["encoding"] != "linear16" || !int.TryParse(query["sample_rate"], out int rate) || rate < 8000 || rate > 48000)
            {
                await RefuseAsync(context, 400, "Bad Request", "this fake takes encoding=linear16 and a sample_rate from 8000 to 48000", requestId).ConfigureAwait(false);
                return;
            }
            if (!context.WebSockets.IsWebSocketRequest) { await RefuseAsync(context, 400, "Bad Request", "expected a WebSocket upgrade", requestId).ConfigureAwait(false); return; }
            Queries.Enqueue(context.Request.QueryString.Value ?? "");
            using var socket = await context.WebSockets.AcceptWebSocketAsync().ConfigureAwait(false);
            bool drop = Knobs.DisconnectAfterChunks != null && (Knobs.DisconnectCount == null || Interlocked.Increment(ref _drops) <= Knobs.DisconnectCount);
            try { await ServeAsync(context, socket, requestId, rate, drop ? Knobs.DisconnectAfterChunks : null).ConfigureAwait(false); }
            catch (Exception e) when (e is WebSocketException || e is OperationCanceledException || e is System.IO.IOException) { Interlocked.Increment(ref _aborted); }
        }

        /// <summary>The socket's conversation; audio is kept at the client's <paramref name="rate"/> and resampled for the recogniser.</summary>
        private async Task ServeAsync(HttpContext context, WebSocket socket, string requestId, int rate, int? dropAfter)
        {
            var segment = new List<short>();
            double segmentStart = 0, total = 0, lastInterim = 0;
            int frames = 0;
            var buffer = new byte[64 * 1024];
            var text = new StringBuilder();
            if (dropAfter == 0)
            {
                // Accepted, then gone at once: what a socket refused after the handshake looks like.
                await socket.CloseOutputAsync((WebSocketCloseStatus)1011, "NET-0000", CancellationToken.None).ConfigureAwait(false);
                return;
            }
            while (true)
            {
                using var idle = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
                idle.CancelAfter(IdleTimeout);
                WebSocketReceiveResult result;
                try { result = await socket.ReceiveAsync(new ArraySegment<byte>(buffer), idle.Token).ConfigureAwait(false); }
                catch (OperationCanceledException) when (!context.RequestAborted.IsCancellationRequested)
                {
                    await socket.CloseAsync((WebSocketCloseStatus)1011, "NET-0001", CancellationToken.None).ConfigureAwait(false);
                    return;
                }
                if (result.MessageType == WebSocketMessageType.Close) { Interlocked.Increment(ref _aborted); return; }
                if (result.MessageType == WebSocketMessageType.Binary)
                {
                    var samples = new short[result.Count / 2];
                    Buffer.BlockCopy(buffer, 0, samples, 0, samples.Length * 2);
                    segment.AddRange(samples);
                    total += samples.Length / (double)rate;
                    if (++frames == dropAfter) { context.Abort(); return; }
                    if (Knobs.MalformedAfterChunks is int bad && frames == bad) await SendAsync(socket, "{\"type\":\"Results\",\"channel\":").ConfigureAwait(false);
                    if (total - lastInterim >= 1.0)
                    {
                        lastInterim = total;
                        string heard = await Transcriber.TranscribeAsync(Audio.Resampler.Resample(segment.ToArray(), rate, 16000), context.RequestAborted).ConfigureAwait(false);
                        await SendAsync(socket, Results(heard, segmentStart, total - segmentStart, isFinal: false, fromFinalize: false, requestId)).ConfigureAwait(false);
                    }
                    continue;
                }
                text.Append(Encoding.UTF8.GetString(buffer, 0, result.Count));
                if (!result.EndOfMessage) continue;
                string type = JsonDocument.Parse(text.ToString()).RootElement.GetProperty("type").GetString() ?? "";
                text.Clear();
                if (type == "KeepAlive") { Interlocked.Increment(ref _keepAlives); continue; }
                if (type == "Finalize" || type == "CloseStream")
                {
                    if (type == "Finalize") Interlocked.Increment(ref _finalizes); else Interlocked.Increment(ref _closeStreams);
                    if (segment.Count > 0)
                    {
                        await Task.Delay(Knobs.FirstByteLatency, context.RequestAborted).ConfigureAwait(false);
                        string heard = await Transcriber.TranscribeAsync(Audio.Resampler.Resample(segment.ToArray(), rate, 16000), context.RequestAborted).ConfigureAwait(false);
                        await SendAsync(socket, Results(heard, segmentStart, total - segmentStart, isFinal: true, fromFinalize: type == "Finalize" && !OmitFromFinalize, requestId, speechFinal: !OmitFromFinalize)).ConfigureAwait(false);
                        segment.Clear();
                        segmentStart = total;
                    }
                    if (type == "CloseStream")
                    {
                        await SendAsync(socket, JsonSerializer.Serialize(new { type = "Metadata", transaction_key = "deprecated", request_id = requestId, sha256 = "", created = DateTime.UtcNow.ToString("o"), duration = total, channels = 1 })).ConfigureAwait(false);
                        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "", CancellationToken.None).ConfigureAwait(false);
                        return;
                    }
                }
            }
        }

        /// <summary>
        /// Pre-recorded: POST /v1/listen with the audio as the body (WAV, or raw linear16 with encoding and sample_rate)
        /// or, with Content-Type application/json, {"url": "..."} for the fake to download, answered as one JSON. A URL
        /// that cannot be fetched is Deepgram's REMOTE_CONTENT_ERROR.
        /// </summary>
        private async Task PrerecordedAsync(HttpContext context, string requestId)
        {
            Queries.Enqueue(context.Request.QueryString.Value ?? "");
            byte[] audio;
            if (context.Request.ContentType?.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) == true)
            {
                if (await DownloadAsync(context, requestId).ConfigureAwait(false) is not byte[] fetched) return;
                audio = fetched;
            }
            else
            {
                using var body = new System.IO.MemoryStream();
                await context.Request.Body.CopyToAsync(body, context.RequestAborted).ConfigureAwait(false);
                audio = body.ToArray();
            }
            short[] pcm;
            try { pcm = Decode(audio, context.Request.Query); }
            catch (Audio.AudioFileException)
            {
                await RefuseAsync(context, 400, "Bad Request", "Bad Request: failed to process audio: corrupt or unsupported data", requestId).ConfigureAwait(false);
                return;
            }
            await Task.Delay(Knobs.FirstByteLatency, context.RequestAborted).ConfigureAwait(false);
            string transcript = await Transcriber.TranscribeAsync(pcm, context.RequestAborted).ConfigureAwait(false);
            double duration = pcm.Length / 16000.0;
            var results = JsonDocument.Parse(Results(transcript, 0, duration, true, false, requestId)).RootElement;
            context.Response.ContentType = "application/json";
            string model = Guid.Empty.ToString();
            await context.Response.WriteAsync(JsonSerializer.Serialize(new
            {
                metadata = new
                {
                    transaction_key = "deprecated", request_id = requestId,
                    sha256 = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(audio)).ToLowerInvariant(),
                    created = DateTime.UtcNow.ToString("o"), duration, channels = 1, models = new[] { model },
                    model_info = new Dictionary<string, object> { [model] = new { name = "general-nova-3", version = "fake", arch = "nova-3" } },
                },
                results = new { channels = new[] { new { alternatives = results.GetProperty("channel").GetProperty("alternatives") } } },
            })).ConfigureAwait(false);
        }

        /// <summary>The body's audio in the pipeline format: raw linear16 at the query's sample_rate, or a WAV.</summary>
        private static short[] Decode(byte[] audio, IQueryCollection query)
        {
            if (query["encoding"] != "linear16") return Audio.WavFile.DecodeAsPipelineAudio(audio, "the request body");
            if (!int.TryParse(query["sample_rate"], out int rate) || rate < 8000 || rate > 48000)
                throw new Audio.AudioFileException("the request body", "linear16 needs a sample_rate from 8000 to 48000");
            var pcm = new short[audio.Length / 2];
            Buffer.BlockCopy(audio, 0, pcm, 0, pcm.Length * 2);
            return Audio.Resampler.Resample(pcm, rate, 16000);
        }

        /// <summary>The audio of a {"url": …} body, or null when the refusal has been sent.</summary>
        private async Task<byte[]?> DownloadAsync(HttpContext context, string requestId)
        {
            string? url = null;
            try
            {
                using var body = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted).ConfigureAwait(false);
                var root = body.RootElement;
                if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("url", out var u) && u.ValueKind == JsonValueKind.String) url = u.GetString();
            }
            catch (JsonException) { }
            if (url == null || !Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            {
                const string Expected = "Invalid JSON body: expected {\"url\": \"https://...\"} naming the audio to transcribe.";
                await RefuseAsync(context, 400, "Bad Request", Expected, requestId).ConfigureAwait(false);
                return null;
            }
            try
            {
                using var response = await Downloads.GetAsync(uri, context.RequestAborted).ConfigureAwait(false);
                if (!response.IsSuccessStatusCode) throw new HttpRequestException($"HTTP {(int)response.StatusCode}");
                return await response.Content.ReadAsByteArrayAsync(context.RequestAborted).ConfigureAwait(false);
            }
            catch (Exception e) when (e is HttpRequestException || (e is TaskCanceledException && !context.RequestAborted.IsCancellationRequested))
            {
                await RefuseAsync(context, 400, "REMOTE_CONTENT_ERROR", "The remote server hosting the media failed to return valid data.", requestId).ConfigureAwait(false);
                return null;
            }
        }

        private const long MaxDownloadBytes = 100L * 1024 * 1024;

        /// <summary>Fetches the media of {"url": …} requests (bounded in time and size, as the service is).</summary>
        private static readonly HttpClient Downloads = new HttpClient { Timeout = TimeSpan.FromSeconds(30), MaxResponseContentBufferSize = MaxDownloadBytes };

        /// <summary>A Results message; words share the span evenly (the offline recogniser's own times are not kept).</summary>
        private static string Results(string transcript, double start, double duration, bool isFinal, bool fromFinalize, string requestId, bool? speechFinal = null)
        {
            var words = transcript.Split(new[] { ' ' }, StringSplitOptions.RemoveEmptyEntries);
            double each = words.Length == 0 ? 0 : duration / words.Length;
            return JsonSerializer.Serialize(new
            {
                type = "Results", channel_index = new[] { 0, 1 }, duration, start, is_final = isFinal, speech_final = speechFinal ?? isFinal, from_finalize = fromFinalize,
                channel = new
                {
                    alternatives = new[]
                    {
                        new
                        {
                            transcript, confidence = 0.9,
                            words = words.Select((w, i) => new { word = w, start = Math.Round(start + i * each, 3), end = Math.Round(start + (i + 1) * each, 3), confidence = 0.9, punctuated_word = w }).ToArray(),
                        },
                    },
                },
                metadata = new { request_id = requestId, model_info = new { name = "general-nova-3", version = "fake", arch = "nova-3" }, model_uuid = Guid.Empty },
            });
        }

        private static Task SendAsync(WebSocket socket, string json) =>
            socket.SendAsync(new ArraySegment<byte>(Encoding.UTF8.GetBytes(json)), WebSocketMessageType.Text, true, CancellationToken.None);

        private static Task RefuseAsync(HttpContext context, int status, string code, string message, string requestId)
        {
            context.Response.StatusCode = status;
            context.Response.Headers["dg-error"] = message;
            context.Response.ContentType = "application/json";
            return context.Response.WriteAsync(JsonSerializer.Serialize(new { err_code = code, err_msg = message, request_id = requestId }));
        }

        public async ValueTask DisposeAsync() => await LoopbackApp.StopAsync(_app).ConfigureAwait(false);
    }
}
