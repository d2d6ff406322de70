using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.WebSockets;
using System.Runtime.InteropServices;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using VoiceNpc.Providers.Cloud;
using VoiceNpc.Stt;

namespace VoiceNpc.Providers.Deepgram
{
    /// <summary>
    /// One Deepgram live socket: sends audio (linear16) and control messages, keeps the socket alive while no audio
    /// flows, and collects Results. Finals of the utterance accumulate; interim results go to the events; a final
    /// answering our Finalize (or UtteranceEnd after it) completes <see cref="FinalReceived"/>.
    /// </summary>
    internal sealed class DeepgramConnection : IDisposable
    {
        private readonly ClientWebSocket _socket;
        private readonly ISpeechRecognitionEvents _events;
        private readonly SemaphoreSlim _sending = new SemaphoreSlim(1, 1);
        private readonly CancellationTokenSource _life = new CancellationTokenSource();
        private readonly List<RecognizedWord> _words = new List<RecognizedWord>();
        private readonly StringBuilder _finals = new StringBuilder();
        private readonly TimeSpan _keepAlive;
        private DateTime _lastSent = DateTime.UtcNow;
        private bool _finalizeSent, _closing;
        private long _samplesSent;
        private double _audioAtFinalize;

        /// <summary>Deepgram's result times are in whole frames of its own: a final within this of the end covers it.</summary>
        private const double EndTolerance = 0.25;

        public DeepgramConnection(ClientWebSocket socket, ISpeechRecognitionEvents events, TimeSpan keepAlive)
        {
            _socket = socket;
            _events = events;
            _keepAlive = keepAlive;
            Receiving = Task.Run(ReceiveAsync);
            _ = Task.Run(KeepAliveAsync);
        }

        public Task Receiving { get; }

        /// <summary>Completes when the final transcript of the utterance arrived; faults when the socket failed first.</summary>
        public TaskCompletionSource<bool> FinalReceived { get; } = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);

        /// <summary>Any message came back: the connection did more than accept the handshake.</summary>
        public bool Answered { get; private set; }


        public Transcript Transcript
        {
            get { lock (_finals) return new Transcript(_finals.ToString().Trim(), _words.ToList(), true); }
        }

        public async Task SendAudioAsync(ReadOnlyMemory<short> pcm, CancellationToken cancellationToken)
        {
            var bytes = MemoryMarshal.AsBytes(pcm.Span).ToArray();
            await SendAsync(new ArraySegment<byte>(bytes), WebSocketMessageType.Binary, cancellationToken).ConfigureAwait(false);
            Interlocked.Add(ref _samplesSent, pcm.Length);
        }

        public Task SendFinalizeAsync(CancellationToken cancellationToken)
        {
            _audioAtFinalize = Interlocked.Read(ref _samplesSent) / (double)Audio.AudioFormat.SampleRate;
            _finalizeSent = true;
            return SendControlAsync("Finalize", cancellationToken);
        }

        /// <summary>Graceful end: CloseStream, then wait (briefly) for the server to close.</summary>
        public async Task CloseAsync()
        {
            _closing = true;
            try
            {
                await SendControlAsync("CloseStream", CancellationToken.None).ConfigureAwait(false);
                await Task.WhenAny(Receiving, Task.Delay(500)).ConfigureAwait(false);
            }
            catch (Exception e) when (e is WebSocketException || e is IOException || e is ObjectDisposedException || e is OperationCanceledException) { }
        }

        private Task SendControlAsync(string type, CancellationToken cancellationToken) =>
            SendAsync(new ArraySegment<byte>(Encoding.UTF8.GetBytes("{\"type\":\"" + type + "\"}")), WebSocketMessageType.Text, cancellationToken);

        private async Task SendAsync(ArraySegment<byte> data, WebSocketMessageType type, CancellationToken cancellationToken)
        {
            await _sending.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                await _socket.SendAsync(data, type, true, cancellationToken).ConfigureAwait(false);
                _lastSent = DateTime.UtcNow;
            }
            finally { _sending.Release(); }
        }

        /// <summary>KeepAlive (a text frame) whenever no audio has flowed for the interval.</summary>
        private async Task KeepAliveAsync()
        {
            var step = TimeSpan.FromTicks(Math.Max(TimeSpan.FromMilliseconds(20).Ticks, _keepAlive.Ticks / 4));
            try
            {
                while (!_life.IsCancellationRequested && _socket.State == WebSocketState.Open)
                {
                    await Task.Delay(step, _life.Token).ConfigureAwait(false);
                    if (DateTime.UtcNow - _lastSent >= _keepAlive && !_closing) await SendControlAsync("KeepAlive", _life.Token).ConfigureAwait(false);
                }
            }
            catch (Exception e) when (e is OperationCanceledException || e is WebSocketException || e is ObjectDisposedException || e is IOException) { }
        }

        private async Task ReceiveAsync()
        {
            var buffer = new byte[16 * 1024];
            var message = new MemoryStream();
            try
            {
                while (true)
                {
                    var result = await _socket.ReceiveAsync(new ArraySegment<byte>(buffer), _life.Token).ConfigureAwait(false);
                    if (result.MessageType == WebSocketMessageType.Close)
                    {
                        string reason = $"{(int?)result.CloseStatus} {result.CloseStatusDescription}".Trim();
                        FinalReceived.TrySetException(new ProviderException(DeepgramLiveStt.ProviderName, $"the server closed the stream ({reason})"));
                        return;
                    }
                    CloudSocket.Append(message, buffer, result.Count, DeepgramLiveStt.ProviderName);
                    if (!result.EndOfMessage) continue;
                    if (result.MessageType == WebSocketMessageType.Text) Handle(Encoding.UTF8.GetString(message.ToArray()));
                    message.SetLength(0);
                }
            }
            catch (Exception e) when (e is WebSocketException || e is IOException || e is OperationCanceledException || e is ObjectDisposedException)
            {
                FinalReceived.TrySetException(new WebSocketException("the connection dropped: " + e.Message));
            }
            catch (Exception e)
            {
                FinalReceived.TrySetException(e);
            }
        }

        private void Handle(string text)
        {
            var message = DeepgramMessage.Parse(text);
            Answered = true;
            if (message.Type == "Results") OnResults(message);
            else if (message.Type == "UtteranceEnd")
            {
                _events.OnEndOfSpeech();
                if (_finalizeSent) FinalReceived.TrySetResult(true);
            }
            else if (message.Type == "Error")
                throw new ProviderException(DeepgramLiveStt.ProviderName, "error: " + message.Error);
        }

        private void OnResults(DeepgramMessage results)
        {
            if (results.IsFinal)
            {
                lock (_finals)
                {
                    if (results.Transcript.Length > 0) _finals.Append(' ').Append(results.Transcript);
                    _words.AddRange(results.Words);
                }
            }
            else if (results.Transcript.Length > 0)
            {
                string sofar;
                lock (_finals) sofar = (_finals + " " + results.Transcript).Trim();
                _events.OnInterim(new Transcript(sofar, Array.Empty<RecognizedWord>(), false));
            }
            if (results.SpeechFinal) _events.OnEndOfSpeech();
            // After Finalize the flush is done when a final says so, or (from_finalize may be absent) reaches the audio's end.
            bool flushed = results.IsFinal && results.End is double end && end >= _audioAtFinalize - EndTolerance;
            if (results.FromFinalize || (_finalizeSent && (results.SpeechFinal || flushed))) FinalReceived.TrySetResult(true);
        }

        public void Dispose()
        {
            _life.Cancel();
            _socket.Abort();
            _socket.Dispose();
        }
    }
}
