using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace VoiceNpc.FakeCloud
{
    /// <summary>
    /// ElevenLabs on 127.0.0.1: `POST /v1/text-to-speech/{voice}/stream/with-timestamps` as newline-delimited JSON
    /// chunks (base64 PCM of the requested pcm_* rate plus character alignment, times from the stream's start), the
    /// `/v1/text-to-speech/{voice}/stream-input` WebSocket (<see cref="ElevenLabsInputSocket"/>), `GET /v1/voices`,
    /// errors as {"detail":{"status","message"}} (a wrong key is 401 invalid_api_key, an exhausted quota 401
    /// quota_exceeded, busy 429; on the socket, a refused handshake with that body). The audio is Flite's, so it is
    /// real speech.
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
            app.MapPost("/v1/text-to-speech/{voice}/stream/with-timestamps", (Func<HttpContext, string, Task>)fake.StreamAsync);
            app.MapGet("/v1/voices", fake.VoicesAsync);
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
            string format = context.Request.Query["output_format"].ToString();
            if (!format.StartsWith("pcm_") || !int.TryParse(format.Substring(4), out int rate))
            {
                await ErrorAsync(context, 400, "invalid_output_format", $"this fake serves pcm_* output formats only, not {format}").ConfigureAwait(false);
                return;
            }
            if (!context.WebSockets.IsWebSocketRequest) { await ErrorAsync(context, 400, "invalid_request", "expected a WebSocket upgrade").ConfigureAwait(false); return; }
            var inactivity = int.TryParse(context.Request.Query["inactivity_timeout"], out int seconds) ? TimeSpan.FromSeconds(seconds) : InactivityTimeout;
            bool drop = Knobs.DisconnectAfterChunks != null && (Knobs.DisconnectCount == null || Interlocked.Increment(ref _drops) <= Knobs.DisconnectCount);
            using var socket = await context.WebSockets.AcceptWebSocketAsync().ConfigureAwait(false);
            var session = new ElevenLabsInputSocket(socket, this, rate, drop ? Knobs.DisconnectAfterChunks : null, inactivity);
            Streams.Enqueue((voice, context.Request.QueryString.Value ?? "", session.Messages));
            bool keyInHeader = context.Request.Headers["xi-api-key"].ToString().Length > 0;
            if (!await session.RunAsync(keyInHeader, context.Abort, context.RequestAborted).ConfigureAwait(false)) Interlocked.Increment(ref _aborted);
        }

        private async Task StreamAsync(HttpContext context, string voice)
        {
            try
            {
                if (!await AdmitAsync(context).ConfigureAwait(false)) return;
                if (!AnyVoice && !Voices.Contains(voice)) { await ErrorAsync(context, 404, "voice_not_found", $"A voice with the voice_id {voice} was not found.").ConfigureAwait(false); return; }
                var body = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted).ConfigureAwait(false);
                Received.Enqueue((voice, context.Request.QueryString.Value ?? "", body));
                string text = body.RootElement.TryGetProperty("text", out var t) ? t.GetString() ?? "" : "";
                string format = context.Request.Query["output_format"].ToString();
                if (text.Length == 0) { await ErrorAsync(context, 422, "invalid_input", "text must not be empty").ConfigureAwait(false); return; }
                if (!format.StartsWith("pcm_") || !int.TryParse(format.Substring(4), out int rate))
                {
                    await ErrorAsync(context, 400, "invalid_output_format", $"this fake serves pcm_* output formats only, not {format}").ConfigureAwait(false);
                    return;
                }
                var pcm = Audio.Resampler.Resample(await Speaker.SpeakAsync(text, context.RequestAborted).ConfigureAwait(false), Audio.AudioFormat.SampleRate, rate);
                context.Response.ContentType = "application/json";
                context.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
                var lines = Chunks(text, pcm, rate).ToList();
                for (int i = 0; i < lines.Count; i++)
                {
                    if (Knobs.DisconnectAfterChunks is int drop && i >= drop) { context.Abort(); return; }
                    string line = Knobs.MalformedAfterChunks is int bad && i == bad ? "{\"audio_base64\": \"AAAA" : lines[i];
                    await context.Response.WriteAsync(line + "\n", context.RequestAborted).ConfigureAwait(false);
                    await context.Response.Body.FlushAsync(context.RequestAborted).ConfigureAwait(false);
                    if (i + 1 < lines.Count) await Task.Delay(Knobs.ChunkInterval, context.RequestAborted).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) { Interlocked.Increment(ref _aborted); }
            catch (System.IO.IOException) { Interlocked.Increment(ref _aborted); }
        }

        /// <summary>Audio in ~200 ms chunks, each with the characters spoken in it (spread evenly over the audio).</summary>
        private static IEnumerable<string> Chunks(string text, short[] pcm, int rate)
        {
            double seconds = pcm.Length / (double)rate, perChar = seconds / text.Length;
            int chunk = rate / 5, next = 0;
            for (int start = 0; start < pcm.Length; start += chunk)
            {
                int length = Math.Min(chunk, pcm.Length - start);
                var bytes = new byte[length * 2];
                Buffer.BlockCopy(pcm, start * 2, bytes, 0, bytes.Length);
                double end = (start + length) / (double)rate;
                var chars = new List<string>();
                var starts = new List<double>();
                var ends = new List<double>();
                while (next < text.Length && (next + 1) * perChar <= end + 1e-9)
                {
                    chars.Add(text[next].ToString());
                    starts.Add(Math.Round(next * perChar, 3));
                    ends.Add(Math.Round((next + 1) * perChar, 3));
                    next++;
                }
                yield return JsonSerializer.Serialize(new
                {
                    audio_base64 = Convert.ToBase64String(bytes),
                    alignment = new { characters = chars, character_start_times_seconds = starts, character_end_times_seconds = ends },
                    normalized_alignment = new { characters = chars, character_start_times_seconds = starts, character_end_times_seconds = ends },
                });
            }
        }

        private async Task VoicesAsync(HttpContext context)
        {
            if (!await AdmitAsync(context).ConfigureAwait(false)) return;
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(JsonSerializer.Serialize(new
            {
                voices = new[]
                {
                    new { voice_id = Voices[0], name = "Rachel", category = "premade", labels = new { accent = "american" } },
                    new { voice_id = Voices[1], name = "Adam", category = "premade", labels = new { accent = "american" } },
                },
            })).ConfigureAwait(false);
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
