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

namespace VoiceNpc.FakeCloud
{
    /// <summary>
    /// ElevenLabs on 127.0.0.1, as the official SDKs call it: `POST /v1/text-to-speech/{voice}` (the whole audio),
    /// `.../stream` (the audio in chunks as it is made), `.../with-timestamps` (JSON: base64 audio and character
    /// alignment) and `.../stream/with-timestamps` (those objects as newline-delimited JSON, times from the stream's
    /// start), in the `output_format` asked (pcm_*, ulaw_8000, wav_*; mp3 and opus it cannot encode and refuses as the
    /// service refuses a format not allowed), the `/v1/text-to-speech/{voice}/stream-input` WebSocket
    /// (<see cref="ElevenLabsInputSocket"/>, pcm_*), `GET /v1/voices`, `/v1/voices/{voice}` and `/v1/models`; errors
    /// as {"detail":{"status","message"}} (a wrong key is 401 invalid_api_key, an exhausted quota 401 quota_exceeded,
    /// busy 429; on the socket, a refused handshake with that body), a malformed request as FastAPI's 422
    /// {"detail":[{loc,msg,type}]}. The audio is Flite's, so it is real speech.
    /// </summary>
    public sealed class FakeElevenLabs : IAsyncDisposable
    {
        public static readonly string[] Voices = { "21m00Tcm4TlvDq8ikWAM", "pNInz6obpgDQGcFmaJgB" };
        private readonly WebApplication _app;
        private int _errorsSent, _requests, _aborted, _drops;

        private FakeElevenLabs(WebApplication app, string key)
        {
            _app = app;
            Key = key;
        }

        public FaultKnobs Knobs { get; } = new FaultKnobs();
        public string Key { get; }
        public string BaseUrl { get; private set; } = "";
        public int Requests => _requests;
        public int Aborted => _aborted;
        public ConcurrentQueue<(string Voice, string Query, JsonDocument Body)> Received { get; } = new ConcurrentQueue<(string, string, JsonDocument)>();

        /// <summary>Each stream-input socket: its voice, query and the text messages the client sent.</summary>
        public ConcurrentQueue<(string Voice, string Query, ConcurrentQueue<string> Messages)> Streams { get; } = new ConcurrentQueue<(string, string, ConcurrentQueue<string>)>();

        /// <summary>A stream-input socket with no text for this long is closed with input_timeout_exceeded (the service: 20 s, or inactivity_timeout).</summary>
        public TimeSpan InactivityTimeout { get; set; } = TimeSpan.FromSeconds(20);
        public OfflineSpeaker Speaker { get; set; } = new OfflineSpeaker();

        /// <summary>Stream-input sockets close normally (1000) after this many audio frames, without the final message.</summary>
        public int? CloseEarlyAfterChunks { get; set; }

        /// <summary>Speak for any voice id, not only <see cref="Voices"/> (a designer's own voice ids, offline).</summary>
        public bool AnyVoice { get; set; }

        public static async Task<FakeElevenLabs> StartAsync(string key = "el-fake-local-key", int port = 0)
        {
            var app = LoopbackApp.Create(port);
            app.UseWebSockets();
            var fake = new FakeElevenLabs(app, key);
            app.Map("/v1/text-to-speech/{voice}/stream-input", (Func<HttpContext, string, Task>)fake.StreamInputAsync);
            app.MapPost("/v1/text-to-speech/{voice}", (HttpContext c, string voice) => fake.SpeakAsync(c, voice, SpeechDelivery.Whole));
            app.MapPost("/v1/text-to-speech/{voice}/stream", (HttpContext c, string voice) => fake.SpeakAsync(c, voice, SpeechDelivery.Stream));
            app.MapPost("/v1/text-to-speech/{voice}/with-timestamps", (HttpContext c, string voice) => fake.SpeakAsync(c, voice, SpeechDelivery.Timestamps));
            app.MapPost("/v1/text-to-speech/{voice}/stream/with-timestamps", (HttpContext c, string voice) => fake.SpeakAsync(c, voice, SpeechDelivery.StreamTimestamps));
            app.MapGet("/v1/voices", fake.VoicesAsync);
            app.MapGet("/v1/voices/{voice}", (Func<HttpContext, string, Task>)fake.VoiceAsync);
            app.MapGet("/v1/models", fake.ModelsAsync);
            await app.StartAsync().ConfigureAwait(false);
            fake.BaseUrl = LoopbackApp.Address(app);
            return fake;
        }

        /// <summary>Outage, key and injected errors; <paramref name="keyMayFollow"/>: a socket may bring its key in the first message instead.</summary>
        private async Task<bool> AdmitAsync(HttpContext context, bool keyMayFollow = false)
        {
            Interlocked.Increment(ref _requests);
            if (Knobs.Outage) { context.Abort(); return false; }
            string key = context.Request.Headers["xi-api-key"].ToString();
            if (key != Key && !(keyMayFollow && key.Length == 0)) { await ErrorAsync(context, 401, "invalid_api_key", "Invalid API key").ConfigureAwait(false); return false; }
            if (Knobs.TakeError(ref _errorsSent))
            {
                int status = Knobs.ErrorStatus!.Value;
                string code = Knobs.ErrorCode.Length > 0 ? Knobs.ErrorCode : status switch { 429 => "system_busy", 401 => "quota_exceeded", _ => "internal_error" };
                string message = code switch
                {
                    "quota_exceeded" => "This request exceeds your quota of 10000. You have 0 credits remaining, while 91 credits are required for this request.",
                    "too_many_concurrent_requests" => "Too many concurrent requests.",
                    "system_busy" => "We are experiencing heavy traffic, please try again.",
                    _ => "An internal error occurred.",
                };
                await ErrorAsync(context, status, code, message).ConfigureAwait(false);
                return false;
            }
            if (!keyMayFollow) await Task.Delay(Knobs.FirstByteLatency, context.RequestAborted).ConfigureAwait(false);
            return true;
        }

        private async Task StreamInputAsync(HttpContext context, string voice)
        {
            if (!await AdmitAsync(context, keyMayFollow: true).ConfigureAwait(false)) return;
            if (!AnyVoice && !Voices.Contains(voice)) { await ErrorAsync(context, 404, "voice_not_found", $"A voice with the voice_id {voice} was not found.").ConfigureAwait(false); return; }
            if (await FormatAsync(context, socket: true).ConfigureAwait(false) is not { } format) return;
            int rate = format.SampleRate;
            if (!context.WebSockets.IsWebSocketRequest) { await ErrorAsync(context, 400, "invalid_request", "expected a WebSocket upgrade").ConfigureAwait(false); return; }
            var inactivity = int.TryParse(context.Request.Query["inactivity_timeout"], out int seconds) ? TimeSpan.FromSeconds(seconds) : InactivityTimeout;
            bool drop = Knobs.DisconnectAfterChunks != null && (Knobs.DisconnectCount == null || Interlocked.Increment(ref _drops) <= Knobs.DisconnectCount);
            using var socket = await context.WebSockets.AcceptWebSocketAsync().ConfigureAwait(false);
            var session = new ElevenLabsInputSocket(socket, this, rate, drop ? Knobs.DisconnectAfterChunks : null, inactivity);
            Streams.Enqueue((voice, context.Request.QueryString.Value ?? "", session.Messages));
            bool keyInHeader = context.Request.Headers["xi-api-key"].ToString().Length > 0;
            if (!await session.RunAsync(keyInHeader, context.Abort, context.RequestAborted).ConfigureAwait(false)) Interlocked.Increment(ref _aborted);
        }

        private enum SpeechDelivery { Whole, Stream, Timestamps, StreamTimestamps }

        private async Task SpeakAsync(HttpContext context, string voice, SpeechDelivery delivery)
        {
            try
            {
                if (!await AdmitAsync(context).ConfigureAwait(false)) return;
                if (!AnyVoice && !Voices.Contains(voice)) { await ErrorAsync(context, 404, "voice_not_found", $"A voice with the voice_id {voice} was not found.").ConfigureAwait(false); return; }
                JsonDocument body;
                try { body = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted).ConfigureAwait(false); }
                catch (JsonException) { await InvalidAsync(context, new[] { "body" }, "JSON decode error", "json_invalid").ConfigureAwait(false); return; }
                Received.Enqueue((voice, context.Request.QueryString.Value ?? "", body));
                var root = body.RootElement;
                var text = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("text", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString()! : null;
                if (text == null) { await InvalidAsync(context, new[] { "body", "text" }, "Field required", "missing").ConfigureAwait(false); return; }
                if (text.Trim().Length == 0) { await ErrorAsync(context, 400, "invalid_text", "The text must not be empty.").ConfigureAwait(false); return; }
                if (await FormatAsync(context, socket: false).ConfigureAwait(false) is not { } format) return;
                var audio = ServiceAudio.Encode(await Speaker.SpeakAsync(text, context.RequestAborted).ConfigureAwait(false), format.SampleRate, format.Encoding!.Value);
                var timed = new ElevenLabsTimedAudio(text, audio, format);
                context.Response.Headers["request-id"] = Guid.NewGuid().ToString("N");
                context.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
                switch (delivery)
                {
                    case SpeechDelivery.Timestamps:
                        context.Response.ContentType = "application/json";
                        var whole = new ReadOnlyMemory<byte>[] { Encoding.UTF8.GetBytes(timed.Whole()) };
                        await PacedAsync(context, whole, Encoding.UTF8.GetBytes("{\"audio_base64\": \"AAAA")).ConfigureAwait(false);
                        break;
                    case SpeechDelivery.Whole:
                    case SpeechDelivery.Stream:
                        // The whole audio has a length (a cut connection leaves it short); the stream is chunked as it is made.
                        context.Response.ContentType = ServiceAudio.ContentType(format.Encoding!.Value);
                        if (delivery == SpeechDelivery.Whole) context.Response.ContentLength = audio.Length;
                        var pieces = timed.Pieces(0.2).Select(p => (ReadOnlyMemory<byte>)audio.AsMemory(p.Start, p.Length)).ToList();
                        await PacedAsync(context, pieces, Array.Empty<byte>()).ConfigureAwait(false);
                        break;
                    default:
                        context.Response.ContentType = "application/json";
                        var lines = timed.Lines(0.2).Select(l => (ReadOnlyMemory<byte>)Encoding.UTF8.GetBytes(l + "\n")).ToList();
                        await PacedAsync(context, lines, Encoding.UTF8.GetBytes("{\"audio_base64\": \"AAAA\n")).ConfigureAwait(false);
                        break;
                }
            }
            catch (OperationCanceledException) { Interlocked.Increment(ref _aborted); }
            catch (System.IO.IOException) { Interlocked.Increment(ref _aborted); }
        }

        /// <summary>Writes the pieces as the knobs say: paced, cut after N (the connection drops), one malformed.</summary>
        private async Task PacedAsync(HttpContext context, IReadOnlyList<ReadOnlyMemory<byte>> pieces, byte[] malformed)
        {
            for (int i = 0; i < pieces.Count; i++)
            {
                if (Knobs.DisconnectAfterChunks is int drop && i >= drop) { context.Abort(); return; }
                var piece = Knobs.MalformedAfterChunks is int bad && i == bad && malformed.Length > 0 ? malformed : pieces[i];
                await context.Response.Body.WriteAsync(piece, context.RequestAborted).ConfigureAwait(false);
                await context.Response.Body.FlushAsync(context.RequestAborted).ConfigureAwait(false);
                if (i + 1 < pieces.Count) await Task.Delay(Knobs.ChunkInterval, context.RequestAborted).ConfigureAwait(false);
            }
        }

        /// <summary>
        /// The query's output_format, or null when answered already: a name the service does not know is its 422; one
        /// the fake cannot encode (mp3, opus, alaw; on the socket anything but pcm_*) is the 403 the service gives for
        /// a format the account may not use, with a message saying what the fake serves.
        /// </summary>
        private static async Task<ElevenLabsOutputFormat?> FormatAsync(HttpContext context, bool socket)
        {
            string name = context.Request.Query["output_format"].ToString();
            var format = ElevenLabsOutputFormat.Parse(name);
            if (format == null)
            {
                context.Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
                await context.Response.WriteAsJsonAsync(new { detail = ElevenLabsOutputFormat.UnknownDetail(name) }).ConfigureAwait(false);
                return null;
            }
            if (format.Encoding == null || (socket && format.Encoding != AudioEncoding.Pcm))
            {
                await ErrorAsync(context, 403, "output_format_not_allowed", socket && format.Encoding != null
                    ? $"Requested output format {format.Name} is not available on the offline fake's stream-input socket (use pcm_*)."
                    : format.NotEncodableMessage).ConfigureAwait(false);
                return null;
            }
            return format;
        }

        private static async Task InvalidAsync(HttpContext context, string[] location, string message, string type)
        {
            context.Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            await context.Response.WriteAsJsonAsync(new { detail = new[] { new { loc = location, msg = message, type } } }).ConfigureAwait(false);
        }

        private static readonly string[] VoiceNames = { "Rachel", "Adam" };

        private static object VoiceOf(int i) => new
        {
            voice_id = Voices[i], name = VoiceNames[i], category = "premade", labels = new { accent = "american" }, description = (string?)null,
            preview_url = (string?)null, settings = new { stability = 0.5, similarity_boost = 0.75, style = 0.0, use_speaker_boost = true, speed = 1.0 },
        };

        private async Task VoicesAsync(HttpContext context)
        {
            if (!await AdmitAsync(context).ConfigureAwait(false)) return;
            await context.Response.WriteAsJsonAsync(new { voices = Enumerable.Range(0, Voices.Length).Select(VoiceOf).ToArray() }).ConfigureAwait(false);
        }

        private async Task VoiceAsync(HttpContext context, string voice)
        {
            if (!await AdmitAsync(context).ConfigureAwait(false)) return;
            int index = Array.IndexOf(Voices, voice);
            if (index < 0) { await ErrorAsync(context, 404, "voice_not_found", $"A voice with the voice_id {voice} was not found.").ConfigureAwait(false); return; }
            await context.Response.WriteAsJsonAsync(VoiceOf(index)).ConfigureAwait(false);
        }

        /// <summary>`GET /v1/models`: a JSON array of the models the SDKs name, each able to speak (any model id is spoken by the same offline voice).</summary>
        private async Task ModelsAsync(HttpContext context)
        {
            if (!await AdmitAsync(context).ConfigureAwait(false)) return;
            var models = new[]
            {
                ("eleven_flash_v2_5", "Eleven Flash v2.5"), ("eleven_turbo_v2_5", "Eleven Turbo v2.5"),
                ("eleven_multilingual_v2", "Eleven Multilingual v2"), ("eleven_v3", "Eleven v3"),
            };
            await context.Response.WriteAsJsonAsync(models.Select(m => new
            {
                model_id = m.Item1, name = m.Item2, can_be_finetuned = false, can_do_text_to_speech = true, can_do_voice_conversion = false,
                can_use_style = true, can_use_speaker_boost = true, serves_pro_voices = false, token_cost_factor = 1.0,
                languages = new[] { new { language_id = "en", name = "English" } },
            }).ToArray()).ConfigureAwait(false);
        }

        private static Task ErrorAsync(HttpContext context, int status, string code, string message)
        {
            context.Response.StatusCode = status;
            context.Response.ContentType = "application/json";
            return context.Response.WriteAsync(JsonSerializer.Serialize(new { detail = new { status = code, message } }));
        }

        public async ValueTask DisposeAsync() => await LoopbackApp.StopAsync(_app).ConfigureAwait(false);
    }
}
