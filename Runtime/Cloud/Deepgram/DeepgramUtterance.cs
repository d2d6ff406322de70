using System;
using System.Collections.Generic;
using System.IO;
using System.Net.WebSockets;
using System.Threading;
using System.Threading.Tasks;
using VoiceNpc.Stt;

namespace VoiceNpc.Providers.Deepgram
{
    /// <summary>
    /// One utterance on Deepgram. Keeps all of the utterance's audio, so a dropped socket is replaced and the audio
    /// sent again from the start (the new socket's timestamps restart at zero, which is the utterance's start too).
    /// </summary>
    internal sealed class DeepgramUtterance : ISpeechRecognitionStream
    {
        private const int DeadOnArrivalLimit = 3;
        private readonly DeepgramLiveStt _owner;
        private readonly ISpeechRecognitionEvents _events;
        private readonly List<short> _audio = new List<short>();
        private DeepgramConnection? _connection;
        private int _reconnects, _deadOnArrival;

        public DeepgramUtterance(DeepgramLiveStt owner, ISpeechRecognitionEvents events)
        {
            _owner = owner;
            _events = events;
        }

        public async ValueTask WriteAsync(ReadOnlyMemory<short> pcm, CancellationToken cancellationToken)
        {
            _audio.AddRange(pcm.ToArray());
            if (_connection == null)
            {
                await ConnectAndResendAsync(cancellationToken).ConfigureAwait(false);
                return;
            }
            if (_connection.FinalReceived.Task.IsFaulted)
            {
                // The server closed or the socket dropped while we were sending: replace it now, not at the end.
                await ReconnectAsync(cancellationToken).ConfigureAwait(false);
                return;
            }
            try { await _connection.SendAudioAsync(pcm, cancellationToken).ConfigureAwait(false); }
            catch (Exception e) when (IsDrop(e) && !cancellationToken.IsCancellationRequested) { await ReconnectAsync(cancellationToken).ConfigureAwait(false); }
        }

        public async Task<Transcript> FinalizeAsync(CancellationToken cancellationToken)
        {
            if (_audio.Count == 0) return Transcript.Empty;
            while (true)
            {
                if (_connection == null) await ConnectAndResendAsync(cancellationToken).ConfigureAwait(false);
                var connection = _connection!;
                try
                {
                    await connection.SendFinalizeAsync(cancellationToken).ConfigureAwait(false);
                    var final = connection.FinalReceived.Task;
                    var finished = await Task.WhenAny(final, Task.Delay(_owner.Options.FinalizeTimeout, cancellationToken)).ConfigureAwait(false);
                    cancellationToken.ThrowIfCancellationRequested();
                    if (finished != final) throw NoFinalInTime();
                    await final.ConfigureAwait(false);   // rethrows a drop
                    var transcript = connection.Transcript;
                    await connection.CloseAsync().ConfigureAwait(false);
                    return transcript;
                }
                catch (Exception e) when (IsDrop(e) && !cancellationToken.IsCancellationRequested)
                {
                    await ReconnectAsync(cancellationToken).ConfigureAwait(false);
                }
            }
        }

        /// <summary>
        /// Without its final result the transcript may lack the player's last words (or all of them): the recogniser
        /// has failed, and the next one hears the whole utterance instead.
        /// </summary>
        private ProviderException NoFinalInTime() => new ProviderException(DeepgramLiveStt.ProviderName,
            $"no final transcript within {_owner.Options.FinalizeTimeout.TotalSeconds:0.###} s of the end of speech");

        /// <summary>The socket failed (callers check that the turn itself was not cancelled: a send on a reset socket reports OperationCanceled).</summary>
        private static bool IsDrop(Exception e) => e is WebSocketException || e is IOException || e is ObjectDisposedException || e is OperationCanceledException ||
                                                   (e is ProviderException p && p.Message.Contains("closed the stream"));

        private async Task ReconnectAsync(CancellationToken cancellationToken)
        {
            var dropped = _connection;
            _connection = null;
            if (dropped != null)
            {
                if (!dropped.Answered) _deadOnArrival++;
                else _deadOnArrival = 0;
                dropped.Dispose();
            }
            if (_deadOnArrival >= DeadOnArrivalLimit)
                throw new ProviderException(DeepgramLiveStt.ProviderName, $"the stream closed right after connecting {_deadOnArrival} times in a row (a bad key or a refused request?); giving up");
            if (++_reconnects > _owner.Options.MaxReconnects)
                throw new ProviderException(DeepgramLiveStt.ProviderName, $"the connection dropped {_reconnects} times during one utterance; giving up");
            await Task.Delay(_owner.ReconnectDelay(_reconnects - 1), cancellationToken).ConfigureAwait(false);
            await ConnectAndResendAsync(cancellationToken).ConfigureAwait(false);
        }

        /// <summary>A new socket, then everything the player said in this utterance so far, in 100 ms frames.</summary>
        private async Task ConnectAndResendAsync(CancellationToken cancellationToken)
        {
            var connection = await _owner.ConnectAsync(_events, cancellationToken).ConfigureAwait(false);
            _connection = connection;
            var audio = _audio.ToArray();
            try
            {
                for (int i = 0; i < audio.Length; i += 1600)
                    await connection.SendAudioAsync(audio.AsMemory(i, Math.Min(1600, audio.Length - i)), cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (IsDrop(e) && !cancellationToken.IsCancellationRequested)
            {
                await ReconnectAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        public void Dispose()
        {
            _connection?.Dispose();
            _connection = null;
        }
    }
}
