using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;

namespace VoiceNpc.FakeCloud
{
    /// <summary>
    /// One stream-input socket of <see cref="FakeElevenLabs"/>, as the service behaves: the first message {"text": " "}
    /// carries the voice settings (and the key, if not in the header) and the chunk schedule; text is buffered and
    /// spoken when the schedule's length is reached, on flush, or at the end of input {"text": ""}; audio frames carry
    /// base64 PCM with chunk-relative camelCase alignment; then {"isFinal": true} and close 1000. Errors are the
    /// service's JSON error frame and close 1008: a wrong key, an unparsable message, changed voice settings, and no
    /// text for the inactivity timeout (input_timeout_exceeded).
    /// </summary>
    internal sealed class ElevenLabsInputSocket
    {
        private readonly WebSocket _socket;
        private readonly FakeElevenLabs _fake;
        private readonly int _rate;
        private readonly int? _dropAfter;
        private readonly TimeSpan _inactivity;
        private readonly SemaphoreSlim _sending = new SemaphoreSlim(1, 1);
        private readonly Channel<string?> _toSpeak = Channel.CreateUnbounded<string?>();
        private readonly StringBuilder _buffer = new StringBuilder();
        private int[] _schedule = { 120, 160, 250, 290 };
        private int _generations, _chunks;
        private string? _voiceSettings;
        private volatile bool _ended;

        public ElevenLabsInputSocket(WebSocket socket, FakeElevenLabs fake, int rate, int? dropAfter, TimeSpan inactivity)
        {
            _socket = socket;
            _fake = fake;
            _rate = rate;
            _dropAfter = dropAfter;
            _inactivity = inactivity;
        }

        /// <summary>Every text message the client sent, in order.</summary>
        public ConcurrentQueue<string> Messages { get; } = new ConcurrentQueue<string>();

        /// <summary>
        /// Serves the socket until the reply ends, fails or the client goes; <paramref name="keyInHeader"/>: whether the
        /// upgrade carried the key. Returns whether the stream ended as the service ends it (final message, or an error
        /// frame of ours); false: the client closed or dropped the socket first.
        /// </summary>
        public async Task<bool> RunAsync(bool keyInHeader, Action abort, CancellationToken aborted)
        {
            var speaking = Task.Run(() => SpeakAsync(abort, aborted));
            try
            {
                await ReceiveAllAsync(keyInHeader, aborted).ConfigureAwait(false);
                await speaking.ConfigureAwait(false);
                if (_ended) await ReceiveAsync(aborted).ConfigureAwait(false);   // the client's answer to our close
            }
            catch (Exception e) when (e is WebSocketException || e is OperationCanceledException || e is System.IO.IOException || e is ObjectDisposedException) { }
            finally { _toSpeak.Writer.TryComplete(); }
            return _ended;
        }

        private async Task ReceiveAllAsync(bool keyInHeader, CancellationToken aborted)
        {
            bool first = true;
            while (!_ended)
            {
                string? text = await ReceiveAsync(aborted).ConfigureAwait(false);
                if (text == null) return;
                Messages.Enqueue(text);
                JsonElement message;
                try { message = JsonDocument.Parse(text).RootElement; }
                catch (JsonException) { await FailAsync("invalid_input_message", "Could not parse input message, make sure it is a json and follows the schema outlined in protocol.").ConfigureAwait(false); return; }
                if (first)
                {
                    first = false;
                    if (!await StartAsync(message, keyInHeader).ConfigureAwait(false)) return;
                    continue;
                }
                if (message.TryGetProperty("voice_settings", out var settings) && settings.GetRawText() != _voiceSettings)
                {
                    await FailAsync("invalid_input_message", "voice_settings field must be provided in the first message and then either be not provided or not change.").ConfigureAwait(false);
                    return;
                }
                string part = message.TryGetProperty("text", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString()! : "";
                if (part.Length == 0)
                {
                    if (_buffer.Length > 0) _toSpeak.Writer.TryWrite(_buffer.ToString());
                    _toSpeak.Writer.TryWrite(null);
                    return;
                }
                if (part == " " && !message.TryGetProperty("flush", out _)) continue;   // keep-alive
                _buffer.Append(part);
                bool flush = message.TryGetProperty("flush", out var f) && f.ValueKind == JsonValueKind.True;
                if (flush || _buffer.Length >= _schedule[Math.Min(_generations, _schedule.Length - 1)]) Generate();
            }
        }

        /// <summary>The first message: {"text": " "} with the settings that hold for the whole stream, and the key unless the header had it.</summary>
        private async Task<bool> StartAsync(JsonElement message, bool keyInHeader)
        {
            if (!keyInHeader)
            {
                string key = message.TryGetProperty("xi_api_key", out var k) || message.TryGetProperty("xi-api-key", out k) ? k.GetString() ?? "" : "";
                if (key != _fake.Key) { await FailAsync("invalid_api_key", "Invalid API key").ConfigureAwait(false); return false; }
            }
            if (!message.TryGetProperty("text", out var text) || text.GetString() != " ")
            {
                await FailAsync("invalid_input_message", "The first message must be {\"text\": \" \"} with the stream's settings.").ConfigureAwait(false);
                return false;
            }
            _voiceSettings = message.TryGetProperty("voice_settings", out var settings) ? settings.GetRawText() : null;
            if (message.TryGetProperty("generation_config", out var config) && config.TryGetProperty("chunk_length_schedule", out var schedule))
                _schedule = schedule.EnumerateArray().Select(s => Math.Max(50, Math.Min(500, s.GetInt32()))).DefaultIfEmpty(120).ToArray();
            return true;
        }

        private void Generate()
        {
            _toSpeak.Writer.TryWrite(_buffer.ToString());
            _buffer.Clear();
            _generations++;
        }

        /// <summary>The next text message; null when the client closed. No text for the inactivity timeout ends the stream.</summary>
        private async Task<string?> ReceiveAsync(CancellationToken aborted)
        {
            var receiving = ReadMessageAsync(aborted);
            using var idle = CancellationTokenSource.CreateLinkedTokenSource(aborted);
            if (await Task.WhenAny(receiving, Task.Delay(_inactivity, idle.Token)).ConfigureAwait(false) == receiving)
            {
                idle.Cancel();
                return await receiving.ConfigureAwait(false);
            }
            if (_ended || aborted.IsCancellationRequested) return null;
            await FailAsync("input_timeout_exceeded", $"Have not received a new text input within the timeout of {_inactivity.TotalSeconds:0.0} seconds. Streaming input terminated. Please make sure to either feed the input in the timely manner, or to send the end of input text (empty string \"\") when done.").ConfigureAwait(false);
            return null;
        }

        private async Task<string?> ReadMessageAsync(CancellationToken aborted)
        {
            var buffer = new byte[16 * 1024];
            var message = new List<byte>();
            while (true)
            {
                var result = await _socket.ReceiveAsync(new ArraySegment<byte>(buffer), aborted).ConfigureAwait(false);
                if (result.MessageType == WebSocketMessageType.Close) return null;
                message.AddRange(new ArraySegment<byte>(buffer, 0, result.Count));
                if (result.EndOfMessage) return Encoding.UTF8.GetString(message.ToArray());
            }
        }

        /// <summary>Speaks each generation in turn: first-byte latency once, ~200 ms audio frames paced by the knobs, then the final message and close 1000.</summary>
        private async Task SpeakAsync(Action abort, CancellationToken aborted)
        {
            bool firstAudio = true;
            await foreach (var text in _toSpeak.Reader.ReadAllAsync(aborted).ConfigureAwait(false))
            {
                if (text == null)
                {
                    await SendAsync("{\"isFinal\":true}").ConfigureAwait(false);
                    await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "", CancellationToken.None).ConfigureAwait(false);
                    _ended = true;
                    return;
                }
                if (firstAudio) await Task.Delay(_fake.Knobs.FirstByteLatency, aborted).ConfigureAwait(false);
                firstAudio = false;
                var pcm = Audio.Resampler.Resample(await _fake.Speaker.SpeakAsync(text, aborted).ConfigureAwait(false), Audio.AudioFormat.SampleRate, _rate);
                foreach (var frame in Frames(text, pcm))
                {
                    if (_dropAfter is int drop && _chunks >= drop)
                    {
                        _ended = true;   // our doing, not the client's
                        abort();
                        return;
                    }
                    if (_fake.CloseEarlyAfterChunks is int early && _chunks >= early)
                    {
                        _ended = true;   // a clean close that looks finished but is not: no final message
                        await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "", CancellationToken.None).ConfigureAwait(false);
                        return;
                    }
                    bool malformed = _fake.Knobs.MalformedAfterChunks is int bad && _chunks == bad;
                    _chunks++;
                    await SendAsync(malformed ? "{\"audio\": \"AAAA" : frame).ConfigureAwait(false);
                    await Task.Delay(_fake.Knobs.ChunkInterval, aborted).ConfigureAwait(false);
                }
            }
        }

        /// <summary>One generation's audio in ~200 ms frames, each with the characters spoken in it, times relative to the frame.</summary>
        private IEnumerable<string> Frames(string text, short[] pcm)
        {
            double perChar = pcm.Length * 1000.0 / _rate / text.Length;
            int frame = _rate / 5, next = 0;
            for (int start = 0; start < pcm.Length; start += frame)
            {
                int length = Math.Min(frame, pcm.Length - start);
                var bytes = new byte[length * 2];
                Buffer.BlockCopy(pcm, start * 2, bytes, 0, bytes.Length);
                double frameStart = start * 1000.0 / _rate, frameEnd = (start + length) * 1000.0 / _rate;
                var chars = new List<string>();
                var starts = new List<int>();
                var durations = new List<int>();
                while (next < text.Length && (next + 1) * perChar <= frameEnd + 1e-6)
                {
                    chars.Add(text[next].ToString());
                    starts.Add((int)Math.Round(next * perChar - frameStart));
                    durations.Add((int)Math.Round(perChar));
                    next++;
                }
                var alignment = new { charStartTimesMs = starts, charsDurationsMs = durations, chars };
                yield return JsonSerializer.Serialize(new { audio = Convert.ToBase64String(bytes), isFinal = (bool?)null, normalizedAlignment = alignment, alignment });
            }
        }

        /// <summary>The service's error frame, then close 1008 with the message as reason (cut to the 123-byte limit).</summary>
        private async Task FailAsync(string error, string message)
        {
            _toSpeak.Writer.TryComplete();
            _ended = true;
            await SendAsync(JsonSerializer.Serialize(new { message, error, code = 1008 })).ConfigureAwait(false);
            string reason = message;
            while (Encoding.UTF8.GetByteCount(reason) > 123) reason = reason.Substring(0, reason.Length - 1);
            await _socket.CloseOutputAsync(WebSocketCloseStatus.PolicyViolation, reason, CancellationToken.None).ConfigureAwait(false);
        }

        private async Task SendAsync(string json)
        {
            await _sending.WaitAsync().ConfigureAwait(false);
            try { await _socket.SendAsync(new ArraySegment<byte>(Encoding.UTF8.GetBytes(json)), WebSocketMessageType.Text, true, CancellationToken.None).ConfigureAwait(false); }
            finally { _sending.Release(); }
        }
    }
}
