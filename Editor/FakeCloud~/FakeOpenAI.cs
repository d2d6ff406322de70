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
    /// OpenAI on 127.0.0.1, as the official libraries call it: `POST /v1/chat/completions` (a whole chat.completion
    /// object, or with `stream: true` SSE chunks exactly as the service sends them: role chunk, content chunks, finish
    /// chunk, the usage chunk when `stream_options.include_usage` asks, [DONE]), `/v1/audio/transcriptions` (json, text,
    /// srt, vtt, verbose_json), `/v1/audio/speech` (pcm, wav), `GET /v1/models`; errors as its
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
            app.MapGet("/v1/models", fake.ModelsAsync);
            app.MapGet("/v1/models/{model}", (Func<HttpContext, string, Task>)fake.ModelAsync);
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

        /// <summary><see cref="AdmitAsync"/>, counting a client that went away during the first-byte latency.</summary>
        private async Task<bool> AdmittedAsync(HttpContext context)
        {
            try { return await AdmitAsync(context).ConfigureAwait(false); }
            catch (OperationCanceledException) { Interlocked.Increment(ref _aborted); return false; }
        }

        /// <summary>The request's JSON, or null when it does not parse (answered with the service's 400).</summary>
        private static async Task<JsonDocument?> JsonBodyAsync(HttpContext context)
        {
            try { return await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted).ConfigureAwait(false); }
            catch (JsonException)
            {
                await ErrorAsync(context, 400, "invalid_request_error", "", "We could not parse the JSON body of your request.").ConfigureAwait(false);
                return null;
            }
        }

        private async Task ChatAsync(HttpContext context)
        {
            if (!await AdmittedAsync(context).ConfigureAwait(false)) return;
            if (await JsonBodyAsync(context).ConfigureAwait(false) is not JsonDocument body) return;
            Bodies.Enqueue(body);
            var root = body.RootElement;
            string? problem = root.ValueKind != JsonValueKind.Object ? "the request body must be a JSON object"
                : !root.TryGetProperty("model", out var model) || model.ValueKind != JsonValueKind.String ? "you must provide a model parameter"
                : !root.TryGetProperty("messages", out var given) || given.ValueKind != JsonValueKind.Array ? "Missing required parameter: 'messages'."
                : null;
            if (problem != null) { await ErrorAsync(context, 400, "invalid_request_error", "", problem).ConfigureAwait(false); return; }
            var messages = root.GetProperty("messages").EnumerateArray().Where(m => m.ValueKind == JsonValueKind.Object)
                .Select(m => (Text(m, "role"), m.TryGetProperty("content", out var c) ? Content(c) : "")).ToList();
            var reply = new OpenAIChatReply(root.GetProperty("model").GetString()!, Reply(messages), messages.Select(m => m.Item2));
            try
            {
                if (IsTrue(root, "stream"))
                {
                    bool usage = root.TryGetProperty("stream_options", out var options) && options.ValueKind == JsonValueKind.Object && IsTrue(options, "include_usage");
                    await StreamAsync(context, reply.Id, reply.Chunks(usage)).ConfigureAwait(false);
                }
                else if (Knobs.DisconnectAfterChunks != null) context.Abort();   // the connection drops before the answer
                else
                {
                    context.Response.ContentType = "application/json";
                    string completion = reply.Completion();
                    if (Knobs.MalformedAfterChunks != null) completion = completion.Substring(0, completion.Length / 2);
                    await context.Response.WriteAsync(completion, context.RequestAborted).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) { Interlocked.Increment(ref _aborted); }
            catch (System.IO.IOException) { Interlocked.Increment(ref _aborted); }
        }

        private static bool IsTrue(JsonElement element, string name) => element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.True;

        private static string Text(JsonElement element, string name) =>
            element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : "";

        private async Task StreamAsync(HttpContext context, string id, List<string> pieces)
        {
            var aborted = context.RequestAborted;
            context.Response.ContentType = "text/event-stream";
            context.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
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
            if (!await AdmittedAsync(context).ConfigureAwait(false)) return;
            var form = await context.Request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false);
            var file = form.Files.GetFile("file");
            if (file == null || string.IsNullOrEmpty(form["model"]))
            {
                await ErrorAsync(context, 400, "invalid_request_error", "", file == null ? "you must provide a file" : "you must provide a model parameter").ConfigureAwait(false);
                return;
            }
            string format = form["response_format"].ToString() is { Length: > 0 } f ? f : "json";
            if (OpenAITranscript.Problem(format, form["model"].ToString()) is string problem)
            {
                await ErrorAsync(context, 400, "invalid_request_error", "unsupported_value", problem, "response_format").ConfigureAwait(false);
                return;
            }
            using var buffer = new System.IO.MemoryStream();
            await file.CopyToAsync(buffer, context.RequestAborted).ConfigureAwait(false);
            short[] pcm;
            try { pcm = Audio.WavFile.DecodeAsPipelineAudio(buffer.ToArray(), file.FileName); }
            catch (Audio.AudioFileException e)
            {
                string message = "Audio file might be corrupted or unsupported: " + e.Message;
                await ErrorAsync(context, 400, "invalid_request_error", "invalid_value", message, "file").ConfigureAwait(false);
                return;
            }
            string text = await Transcriber.TranscribeAsync(pcm, context.RequestAborted).ConfigureAwait(false);
            string language = form["language"].ToString() is { Length: > 0 } code && code != "en" ? code : "english";
            var granularities = form["timestamp_granularities[]"];
            var transcript = new OpenAITranscript(text, pcm.Length / (double)Audio.AudioFormat.SampleRate, language);
            var (type, answer) = transcript.Render(format, words: granularities.Contains("word"), segments: granularities.Count == 0 || granularities.Contains("segment"));
            context.Response.ContentType = type;
            await context.Response.WriteAsync(answer).ConfigureAwait(false);
        }

        /// <summary>
        /// Speech: the input spoken by the offline voice at the service's 24 kHz, 16-bit mono, as raw PCM (`pcm`) or WAV
        /// (`wav`), streamed in chunks. mp3 (the default), opus, aac and flac need an encoder the fake does not have:
        /// they are refused with the service's 400 for a bad value, saying which formats it serves.
        /// </summary>
        private async Task SpeakAsync(HttpContext context)
        {
            if (!await AdmittedAsync(context).ConfigureAwait(false)) return;
            if (await JsonBodyAsync(context).ConfigureAwait(false) is not JsonDocument body) return;
            using (body)
            {
                var root = body.RootElement;
                if (root.ValueKind != JsonValueKind.Object)
                {
                    await ErrorAsync(context, 400, "invalid_request_error", "", "the request body must be a JSON object").ConfigureAwait(false);
                    return;
                }
                string input = Text(root, "input"), format = Text(root, "response_format") is { Length: > 0 } f ? f : "mp3";
                double speed = root.TryGetProperty("speed", out var s) && s.ValueKind == JsonValueKind.Number ? s.GetDouble() : 1.0;
                var (param, problem) = OpenAISpeechRequest.Problem(Text(root, "model"), input, root.TryGetProperty("voice", out var v) ? v : default, format, speed);
                if (problem != null) { await ErrorAsync(context, 400, "invalid_request_error", "", problem, param).ConfigureAwait(false); return; }
                var encoding = format == "wav" ? AudioEncoding.Wav : AudioEncoding.Pcm;
                var bytes = ServiceAudio.Encode(await Speaker.SpeakAsync(input, context.RequestAborted).ConfigureAwait(false), OpenAISpeechRequest.SampleRate, encoding);
                context.Response.ContentType = ServiceAudio.ContentType(encoding);
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
        }

        private async Task ModelsAsync(HttpContext context)
        {
            if (!await AdmittedAsync(context).ConfigureAwait(false)) return;
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(OpenAIModels.List()).ConfigureAwait(false);
        }

        private async Task ModelAsync(HttpContext context, string model)
        {
            if (!await AdmittedAsync(context).ConfigureAwait(false)) return;
            if (OpenAIModels.One(model) is not string answer)
            {
                await ErrorAsync(context, 404, "invalid_request_error", "model_not_found", $"The model '{model}' does not exist", "model").ConfigureAwait(false);
                return;
            }
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(answer).ConfigureAwait(false);
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

        private static string Content(JsonElement content) => content.ValueKind switch
        {
            JsonValueKind.String => content.GetString() ?? "",
            JsonValueKind.Array => string.Concat(content.EnumerateArray().Select(p => p.ValueKind == JsonValueKind.Object ? Text(p, "text") : "")),
            _ => "",
        };

        private static Task ErrorAsync(HttpContext context, int status, string type, string code, string message, string? param = null)
        {
            context.Response.StatusCode = status;
            context.Response.ContentType = "application/json";
            var error = new { error = new { message, type, param, code = code.Length == 0 ? null : code } };
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
