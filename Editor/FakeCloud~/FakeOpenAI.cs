using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace VoiceNpc.FakeCloud
{
    /// <summary>
    /// OpenAI's Chat Completions on 127.0.0.1: `POST /v1/chat/completions` streamed as SSE chunks exactly as the service
    /// sends them (role chunk, content chunks, finish chunk, usage chunk, [DONE]), errors as its
    /// {"error":{message,type,param,code}} envelope. The reply comes from <see cref="Reply"/> (default: a short line
    /// about what the player said). The official OpenAI .NET library talks to it unchanged.
    /// </summary>
    public sealed class FakeOpenAI : IAsyncDisposable
    {
        private readonly WebApplication _app;
        private int _errorsSent, _requests, _aborted;

        private FakeOpenAI(WebApplication app, string key)
        {
            _app = app;
            Key = key;
        }

        public FaultKnobs Knobs { get; } = new FaultKnobs();

        /// <summary>The key requests must carry ("Authorization: Bearer KEY"); others get the vendor's 401.</summary>
        public string Key { get; }

        /// <summary>The base URL to give a client, including /v1.</summary>
        public string BaseUrl { get; private set; } = "";

        /// <summary>Makes the reply from the request's messages (role, content).</summary>
        public Func<IReadOnlyList<(string Role, string Content)>, string> Reply { get; set; } =
            messages => $"Aye, you asked about {messages.LastOrDefault(m => m.Role == "user").Content}. Let me think on that.";

        public int Requests => _requests;

        /// <summary>Requests whose client went away before the response ended (barge-in, timeouts).</summary>
        public int Aborted => _aborted;

        public ConcurrentQueue<JsonDocument> Bodies { get; } = new ConcurrentQueue<JsonDocument>();

        public static async Task<FakeOpenAI> StartAsync(string key = "sk-fake-local-key", int port = 0)
        {
            var app = LoopbackApp.Create(port);
            var fake = new FakeOpenAI(app, key);
            app.MapPost("/v1/chat/completions", fake.ChatAsync);
            app.MapPost("/v1/audio/transcriptions", fake.TranscribeAsync);
            app.MapPost("/v1/audio/speech", fake.SpeakAsync);
            await app.StartAsync().ConfigureAwait(false);
            fake.BaseUrl = LoopbackApp.Address(app) + "/v1";
            return fake;
        }

        /// <summary>Outage, key check and the configured error, as every endpoint applies them; false when answered already.</summary>
        private async Task<bool> AdmitAsync(HttpContext context)
        {
            Interlocked.Increment(ref _requests);
            if (Knobs.Outage) { context.Abort(); return false; }
            if (context.Request.Headers.Authorization.ToString() != "Bearer " + Key)
            {
                await ErrorAsync(context, 401, "invalid_request_error", "invalid_api_key", "Incorrect API key provided: " + Mask(context.Request.Headers.Authorization.ToString())).ConfigureAwait(false);
                return false;
            }
            if (Knobs.TakeError(ref _errorsSent))
            {
                int status = Knobs.ErrorStatus!.Value;
                var (type, code) = status switch
                {
                    429 when Knobs.ErrorCode == "insufficient_quota" => ("insufficient_quota", "insufficient_quota"),
                    429 => ("requests", "rate_limit_exceeded"),
                    401 => ("invalid_request_error", "invalid_api_key"),
                    >= 500 => ("server_error", ""),
                    _ => ("invalid_request_error", Knobs.ErrorCode),
                };
                await ErrorAsync(context, status, type, code, status == 429 ? "Rate limit reached for requests" : "The server had an error while processing your request.").ConfigureAwait(false);
                return false;
            }
            await Task.Delay(Knobs.FirstByteLatency, context.RequestAborted).ConfigureAwait(false);
            return true;
        }

        private async Task ChatAsync(HttpContext context)
        {
            try { if (!await AdmitAsync(context).ConfigureAwait(false)) return; }
            catch (OperationCanceledException) { Interlocked.Increment(ref _aborted); return; }
            JsonDocument body;
            try { body = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted).ConfigureAwait(false); }
            catch (JsonException) { await ErrorAsync(context, 400, "invalid_request_error", "", "We could not parse the JSON body of your request.").ConfigureAwait(false); return; }
            Bodies.Enqueue(body);
            var messages = body.RootElement.GetProperty("messages").EnumerateArray()
                .Select(m => (m.GetProperty("role").GetString() ?? "", Content(m.GetProperty("content")))).ToList();
            try { await StreamAsync(context, body.RootElement.GetProperty("model").GetString() ?? "", Reply(messages)).ConfigureAwait(false); }
            catch (OperationCanceledException) { Interlocked.Increment(ref _aborted); }
            catch (System.IO.IOException) { Interlocked.Increment(ref _aborted); }
        }

        private async Task StreamAsync(HttpContext context, string model, string reply)
        {
            var aborted = context.RequestAborted;
            context.Response.ContentType = "text/event-stream";
            context.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
            string id = "chatcmpl-" + Guid.NewGuid().ToString("N").Substring(0, 12);
            long created = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
            string Chunk(string delta, string finish, string usage = "null") =>
                $"{{\"id\":\"{id}\",\"object\":\"chat.completion.chunk\",\"created\":{created},\"model\":{JsonSerializer.Serialize(model)},\"system_fingerprint\":\"fp_fake\",\"choices\":[{{\"index\":0,\"delta\":{delta},\"logprobs\":null,\"finish_reason\":{finish}}}],\"usage\":{usage}}}";
            var pieces = new List<string> { Chunk("{\"role\":\"assistant\",\"content\":\"\"}", "null") };
            foreach (var word in Words(reply)) pieces.Add(Chunk($"{{\"content\":{JsonSerializer.Serialize(word)}}}", "null"));
            pieces.Add(Chunk("{}", "\"stop\""));
            pieces.Add($"{{\"id\":\"{id}\",\"object\":\"chat.completion.chunk\",\"created\":{created},\"model\":{JsonSerializer.Serialize(model)},\"choices\":[],\"usage\":{{\"prompt_tokens\":20,\"completion_tokens\":{pieces.Count},\"total_tokens\":{20 + pieces.Count}}}}}");
            for (int i = 0; i < pieces.Count; i++)
            {
                // The stream stops mid-reply: no finish chunk, no [DONE] (what a client sees when the service drops it).
                if (Knobs.DisconnectAfterChunks is int drop && i >= drop) return;
                string data = Knobs.MalformedAfterChunks is int bad && i == bad ? "{\"id\":\"" + id + "\",\"choices\":[{\"delta\":{\"content\":\"" : pieces[i];
                await WriteEventAsync(context, data, aborted).ConfigureAwait(false);
                if (i + 1 < pieces.Count) await Task.Delay(Knobs.ChunkInterval, aborted).ConfigureAwait(false);
            }
            await WriteEventAsync(context, "[DONE]", aborted).ConfigureAwait(false);
        }

        /// <summary>Transcriptions: the uploaded audio, recognised by the offline recogniser (so the text is real).</summary>
        private async Task TranscribeAsync(HttpContext context)
        {
            try { if (!await AdmitAsync(context).ConfigureAwait(false)) return; }
            catch (OperationCanceledException) { Interlocked.Increment(ref _aborted); return; }
            var form = await context.Request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false);
            var file = form.Files.GetFile("file");
            if (file == null || string.IsNullOrEmpty(form["model"]))
            {
                await ErrorAsync(context, 400, "invalid_request_error", "", file == null ? "you must provide a file" : "you must provide a model parameter").ConfigureAwait(false);
                return;
            }
            using var buffer = new System.IO.MemoryStream();
            await file.CopyToAsync(buffer, context.RequestAborted).ConfigureAwait(false);
            string text;
            try { text = await Transcriber.TranscribeAsync(Audio.WavFile.DecodeAsPipelineAudio(buffer.ToArray(), file.FileName), context.RequestAborted).ConfigureAwait(false); }
            catch (Audio.AudioFileException e)
            {
                await ErrorAsync(context, 400, "invalid_request_error", "invalid_value", "Audio file might be corrupted or unsupported: " + e.Message).ConfigureAwait(false);
                return;
            }
            if (form["response_format"] == "text")
            {
                context.Response.ContentType = "text/plain; charset=utf-8";
                await context.Response.WriteAsync(text + "\n").ConfigureAwait(false);
                return;
            }
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(JsonSerializer.Serialize(new { text })).ConfigureAwait(false);
        }

        /// <summary>Speech: the input spoken by the offline voice, as the service's raw PCM (24 kHz, 16-bit, mono).</summary>
        private async Task SpeakAsync(HttpContext context)
        {
            try { if (!await AdmitAsync(context).ConfigureAwait(false)) return; }
            catch (OperationCanceledException) { Interlocked.Increment(ref _aborted); return; }
            using var body = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted).ConfigureAwait(false);
            var root = body.RootElement;
            string input = root.TryGetProperty("input", out var i) ? i.GetString() ?? "" : "";
            string format = root.TryGetProperty("response_format", out var f) ? f.GetString() ?? "mp3" : "mp3";
            if (input.Length == 0 || format != "pcm")
            {
                await ErrorAsync(context, 400, "invalid_request_error", "", input.Length == 0 ? "input must not be empty" : $"this fake serves response_format pcm only, not {format}").ConfigureAwait(false);
                return;
            }
            var pcm = await Speaker.SpeakAsync(input, context.RequestAborted).ConfigureAwait(false);
            var service = Audio.Resampler.Resample(pcm, Audio.AudioFormat.SampleRate, 24000);
            context.Response.ContentType = "application/octet-stream";
            var bytes = new byte[service.Length * 2];
            Buffer.BlockCopy(service, 0, bytes, 0, bytes.Length);
            try
            {
                for (int offset = 0; offset < bytes.Length; offset += 4800)
                {
                    await context.Response.Body.WriteAsync(bytes.AsMemory(offset, Math.Min(4800, bytes.Length - offset)), context.RequestAborted).ConfigureAwait(false);
                    await Task.Delay(Knobs.ChunkInterval, context.RequestAborted).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) { Interlocked.Increment(ref _aborted); }
        }

        /// <summary>Recognises audio for the transcription endpoint (the offline recogniser unless replaced).</summary>
        public OfflineTranscriber Transcriber { get; set; } = new OfflineTranscriber();

        /// <summary>Speaks text for the speech endpoint (the offline voice unless replaced).</summary>
        public OfflineSpeaker Speaker { get; set; } = new OfflineSpeaker();

        private static async Task WriteEventAsync(HttpContext context, string data, CancellationToken aborted)
        {
            await context.Response.WriteAsync("data: " + data + "\n\n", aborted).ConfigureAwait(false);
            await context.Response.Body.FlushAsync(aborted).ConfigureAwait(false);
        }

        private static IEnumerable<string> Words(string reply)
        {
            var words = reply.Split(' ');
            for (int i = 0; i < words.Length; i++) yield return i == 0 ? words[i] : " " + words[i];
        }

        private static string Content(JsonElement content) => content.ValueKind == JsonValueKind.String
            ? content.GetString() ?? ""
            : string.Concat(content.EnumerateArray().Select(p => p.TryGetProperty("text", out var t) ? t.GetString() : ""));

        private static Task ErrorAsync(HttpContext context, int status, string type, string code, string message)
        {
            context.Response.StatusCode = status;
            context.Response.ContentType = "application/json";
            var error = new { error = new { message, type, param = (string?)null, code = code.Length == 0 ? null : code } };
            return context.Response.WriteAsync(JsonSerializer.Serialize(error));
        }

        /// <summary>As the service does: the first and last few characters of a wrong key, the rest starred.</summary>
        private static string Mask(string authorization)
        {
            string key = authorization.StartsWith("Bearer ") ? authorization.Substring(7) : authorization;
            return key.Length <= 8 ? "***" : key.Substring(0, 3) + "***" + key.Substring(key.Length - 4);
        }

        public async ValueTask DisposeAsync() => await LoopbackApp.StopAsync(_app).ConfigureAwait(false);
    }
}
