using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.WebSockets;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using VoiceNpc.Audio;
using VoiceNpc.Providers.Cloud;
using VoiceNpc.Tts;

namespace VoiceNpc.Providers.ElevenLabs
{
    /// <summary>
    /// One reply on ElevenLabs' stream-input WebSocket. Text frames {"text": "clause "} go out as the LLM writes (the
    /// first flushed so the first audio does not wait for more text, the rest with try_trigger_generation), {"text": ""}
    /// ends the input; audio frames come back as base64 PCM with chunk-relative character alignment, turned into
    /// subtitle words and visemes; {"isFinal": true} and a normal close end them. An error frame, a close other than
    /// 1000 or a stall fails the stream.
    /// </summary>
    internal sealed class ElevenLabsInputStream : ISpeechInputStream
    {
        private readonly ClientWebSocket _socket;
        private readonly CloudKey _key;
        private readonly TimeSpan _stallTimeout;
        private readonly Timer _watchdog;
        private readonly CharacterAlignment _alignment = new CharacterAlignment();
        private readonly object _watch = new object();
        private readonly List<int> _clauseEnds = new List<int>();   // non-space characters sent up to each clause's end (guarded by _watch)
        private int _sentLength, _spoken;
        private DateTime? _waitingSince;   // since text was flushed or ended with no audio after it (guarded by _watch)
        private bool _completed;           // guarded by _watch
        private bool _handingOver;         // playback holds a chunk: not waiting on the service (guarded by _watch)
        private volatile bool _stalled;

        public ElevenLabsInputStream(ClientWebSocket socket, CloudKey key, TimeSpan stallTimeout)
        {
            _socket = socket;
            _key = key;
            _stallTimeout = stallTimeout;
            var period = TimeSpan.FromTicks(Math.Max(TimeSpan.FromMilliseconds(50).Ticks, stallTimeout.Ticks / 4));
            _watchdog = new Timer(_ => CheckStall(), null, period, period);
        }

        /// <summary>
        /// From the alignment: a clause counts once its last letter has been spoken. Only non-space characters are
        /// counted on both sides, so the service's handling of spaces cannot shift the count.
        /// </summary>
        public int ClausesSpoken
        {
            get
            {
                int spoken = Volatile.Read(ref _spoken);
                lock (_watch) return _clauseEnds.Count(end => end <= spoken);
            }
        }

        /// <summary>The first message: a single space with the voice settings and chunk schedule, fixed for the stream.</summary>
        public Task InitializeAsync(ElevenLabsVoiceSettings voiceSettings, CancellationToken cancellationToken) =>
            SendJsonAsync(ElevenLabsRequests.StreamStart(voiceSettings), cancellationToken);

        public Task SendAsync(string clause, CancellationToken cancellationToken)
        {
            string text = clause.EndsWith(" ") ? clause : clause + " ";
            bool first;
            lock (_watch)
            {
                first = _clauseEnds.Count == 0;
                _sentLength += Letters(text);
                _clauseEnds.Add(_sentLength);
                if (first) _waitingSince = DateTime.UtcNow;
            }
            return SendJsonAsync(ElevenLabsRequests.StreamText(text, flush: first), cancellationToken);
        }

        public Task CompleteAsync(CancellationToken cancellationToken)
        {
            lock (_watch)
            {
                _completed = true;
                _waitingSince = DateTime.UtcNow;
            }
            return SendJsonAsync(ElevenLabsRequests.StreamEnd(), cancellationToken);
        }

        public async IAsyncEnumerable<SpeechChunk> ReadAudioAsync([EnumeratorCancellation] CancellationToken cancellationToken)
        {
            using var abort = cancellationToken.Register(() => _socket.Abort());
            var buffer = new byte[32 * 1024];
            var message = new MemoryStream();
            long samples = 0;
            bool final = false;
            while (true)
            {
                string? text;
                try { text = await ReceiveAsync(buffer, message).ConfigureAwait(false); }
                catch (Exception) when (cancellationToken.IsCancellationRequested) { throw new OperationCanceledException(cancellationToken); }
                catch (Exception) when (final) { break; }   // the audio was complete; only the closing handshake broke
                catch (Exception e) when (e is WebSocketException || e is IOException || e is ObjectDisposedException || e is OperationCanceledException)
                {
                    throw Failure(_stalled ? $"no audio for {_stallTimeout.TotalSeconds:0.#} s: the stream stalled" : "the connection dropped: " + e.Message);
                }
                if (text == null)
                {
                    if (!final) throw Failure("the server closed the stream before its final message: the reply is not finished");
                    break;
                }
                SpeechChunk? chunk = Parse(text, AudioFormat.DurationOf(samples).TotalSeconds, ref final);
                if (chunk == null) continue;
                samples += chunk.Samples.Length;
                lock (_watch) _handingOver = true;
                yield return chunk;
                OnAudio();   // timed again from here: a slow consumer is not a stalled service
            }
            if (samples == 0) throw Failure("the stream ended without audio");
            var last = _alignment.Finish(AudioFormat.DurationOf(samples).TotalSeconds);
            if (last.Count > 0) yield return new SpeechChunk(Array.Empty<short>(), last, Array.Empty<PhoneTiming>());
        }

        /// <summary>The next text message, or null once the server closed normally.</summary>
        private async Task<string?> ReceiveAsync(byte[] buffer, MemoryStream message)
        {
            message.SetLength(0);
            while (true)
            {
                var result = await _socket.ReceiveAsync(new ArraySegment<byte>(buffer), CancellationToken.None).ConfigureAwait(false);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    if (result.CloseStatus == WebSocketCloseStatus.NormalClosure) return null;
                    throw Failure($"the server closed the stream ({$"{(int?)result.CloseStatus} {result.CloseStatusDescription}".Trim()})");
                }
                CloudSocket.Append(message, buffer, result.Count, ElevenLabsSpeech.ProviderName);
                if (result.EndOfMessage) return Encoding.UTF8.GetString(message.GetBuffer(), 0, (int)message.Length);
            }
        }

        /// <summary>An audio chunk with its words and phones; null for a message without audio. Error frames throw.</summary>
        private SpeechChunk? Parse(string text, double chunkStart, ref bool final)
        {
            InputFrame frame;
            try { frame = ElevenLabsFrames.InputFrame(text, _alignment, chunkStart); }
            catch (ProviderException e) { throw Failure(CloudFailure.Describe(ElevenLabsSpeech.ProviderName, e)); }
            if (frame.IsFinal) final = true;
            Interlocked.Add(ref _spoken, frame.LettersSpoken);
            return frame.Chunk;
        }

        internal static int Letters(string text) => text.Count(c => !char.IsWhiteSpace(c));

        private async Task SendJsonAsync(byte[] bytes, CancellationToken cancellationToken)
        {
            try { await _socket.SendAsync(new ArraySegment<byte>(bytes), WebSocketMessageType.Text, true, cancellationToken).ConfigureAwait(false); }
            // A socket that broke under a send may also report it as a cancellation (ManagedWebSocket aborts itself).
            catch (Exception e) when (!cancellationToken.IsCancellationRequested && (e is WebSocketException || e is IOException || e is ObjectDisposedException || e is OperationCanceledException))
            {
                throw Failure("the connection dropped: " + (e.InnerException?.Message ?? e.Message));
            }
        }

        /// <summary>Audio answered: before the end of input the service may now wait for more text; after it, the rest must keep coming.</summary>
        private void OnAudio()
        {
            lock (_watch)
            {
                _handingOver = false;
                _waitingSince = _completed ? DateTime.UtcNow : (DateTime?)null;
            }
        }

        /// <summary>Text is waiting for audio and none came for the stall timeout: abort, so the reader fails and the chain falls back.</summary>
        private void CheckStall()
        {
            lock (_watch)
                if (_handingOver || _waitingSince == null || DateTime.UtcNow - _waitingSince.Value < _stallTimeout) return;
            _stalled = true;
            _socket.Abort();
        }

        private ProviderException Failure(string what) => CloudFailure.Wrap(ElevenLabsSpeech.ProviderName, _key, what);

        public void Dispose()
        {
            _watchdog.Dispose();
            _socket.Abort();
            _socket.Dispose();
        }
    }
}
