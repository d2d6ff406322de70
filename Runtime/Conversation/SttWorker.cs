using System;
using System.Threading;
using System.Threading.Tasks;
using VoiceNpc.Audio;
using VoiceNpc.Stt;
using VoiceNpc.Timing;

namespace VoiceNpc.Conversation
{
    /// <summary>
    /// Feeds each player utterance to the STT chain and delivers its final transcript. Keeps the utterance's audio,
    /// so when a provider fails mid-utterance the next one in the chain hears all of it: no player words are lost.
    /// </summary>
    internal sealed class SttWorker
    {
        private readonly TrackedChannel<SttInput> _input;
        private readonly StageChain<ISpeechToText> _chain;
        private readonly FramePool _pool;
        private readonly IClock _clock;
        private readonly EventQueue _events;
        private readonly Action<TurnContext, Transcript> _onFinal;
        private readonly TimeSpan _deadline;
        private readonly short[] _utterance;
        private int _utteranceLength;
        private ISpeechRecognitionStream? _stream;
        private ISpeechToText? _streamProvider;
        private StageDeadline? _streamDeadline;
        private TurnContext? _turn;

        public SttWorker(TrackedChannel<SttInput> input, StageChain<ISpeechToText> chain, FramePool pool, IClock clock,
            EventQueue events, double maxUtteranceSeconds, TimeSpan deadline, Action<TurnContext, Transcript> onFinal)
        {
            _input = input;
            _chain = chain;
            _pool = pool;
            _clock = clock;
            _events = events;
            _deadline = deadline;
            _onFinal = onFinal;
            // Two extra seconds of room for the pre-roll and the frames that arrive while the endpoint is decided.
            _utterance = new short[(int)((maxUtteranceSeconds + 2) * AudioFormat.SampleRate)];
        }

        public async Task RunAsync()
        {
            await _input.ConsumeAsync(HandleAndReturnFrameAsync, Failed).ConfigureAwait(false);
            CloseStream();
        }

        private async Task HandleAndReturnFrameAsync(SttInput item)
        {
            try { await HandleAsync(item).ConfigureAwait(false); }
            finally
            {
                if (item.Frame != null) _pool.Return(item.Frame);
            }
        }

        private void Failed(Exception e) => _events.Post(new ConversationError(_clock.Now, "stt", e.Message, e));

        private async Task HandleAsync(SttInput item)
        {
            switch (item.Kind)
            {
                case SttInputKind.Begin:
                    CloseStream();
                    _turn = item.Turn;
                    _utteranceLength = 0;
                    await OpenStreamAsync(item.Turn).ConfigureAwait(false);
                    break;
                case SttInputKind.Audio when item.Turn == _turn:
                    int keep = Math.Min(item.Length, _utterance.Length - _utteranceLength);
                    Array.Copy(item.Frame!, 0, _utterance, _utteranceLength, keep);
                    _utteranceLength += keep;
                    await WriteAsync(new ReadOnlyMemory<short>(item.Frame, 0, item.Length)).ConfigureAwait(false);
                    break;
                case SttInputKind.Finalize when item.Turn == _turn:
                    var transcript = await FinalizeAsync().ConfigureAwait(false);
                    item.Turn.SttProvider = _chain.CurrentName;
                    CloseStream();
                    _turn = null;
                    _onFinal(item.Turn, transcript);
                    break;
                case SttInputKind.Cancel when item.Turn == _turn:
                    CloseStream();
                    _turn = null;
                    break;
            }
        }

        private async Task OpenStreamAsync(TurnContext turn)
        {
            while (true)
            {
                var provider = _chain.Current;
                var deadline = new StageDeadline(_clock, _deadline, provider.Name, Setting, CancellationToken.None);
                try
                {
                    var events = new TurnRecognitionEvents(turn, _clock, _events);
                    _stream = await deadline.RunAsync(token => provider.StartAsync(events, token), "starting to recognise").ConfigureAwait(false);
                    _streamProvider = provider;
                    _streamDeadline = deadline;
                    return;
                }
                catch (Exception e) when (!(e is OperationCanceledException))
                {
                    deadline.Dispose();
                    if (!Failover.Report(_chain, provider, provider.Name, e, _events, _clock.Now)) return;
                }
            }
        }

        private async Task WriteAsync(ReadOnlyMemory<short> pcm)
        {
            if (_stream == null) return;
            try { await WriteUnderDeadlineAsync(pcm).ConfigureAwait(false); }
            catch (Exception e) when (!(e is OperationCanceledException))
            {
                await ReplayOnNextProviderAsync(e).ConfigureAwait(false);
            }
        }

        /// <summary>A write that completes at once (an embedded recogniser) costs no timer and allocates nothing.</summary>
        private ValueTask<bool> WriteUnderDeadlineAsync(ReadOnlyMemory<short> pcm) =>
            _streamDeadline!.RunAsync((Stream: _stream!, Pcm: pcm), static async (s, token) =>
            {
                await s.Stream.WriteAsync(s.Pcm, token).ConfigureAwait(false);
                return true;
            }, "taking the player's audio");

        private async Task<Transcript> FinalizeAsync()
        {
            while (_stream != null)
            {
                var stream = _stream;
                try { return await _streamDeadline!.RunAsync(token => stream.FinalizeAsync(token), "the final transcript").ConfigureAwait(false); }
                catch (Exception e) when (!(e is OperationCanceledException))
                {
                    await ReplayOnNextProviderAsync(e).ConfigureAwait(false);
                }
            }
            return Transcript.Empty;
        }

        /// <summary>Switches to the next provider and gives it the whole utterance so far.</summary>
        private async Task ReplayOnNextProviderAsync(Exception failure)
        {
            var failed = _streamProvider!;
            CloseStream();
            if (!Failover.Report(_chain, failed, failed.Name, failure, _events, _clock.Now) || _turn == null) return;
            await OpenStreamAsync(_turn).ConfigureAwait(false);
            if (_stream == null) return;
            try
            {
                await WriteUnderDeadlineAsync(new ReadOnlyMemory<short>(_utterance, 0, _utteranceLength)).ConfigureAwait(false);
            }
            catch (Exception e) when (!(e is OperationCanceledException))
            {
                await ReplayOnNextProviderAsync(e).ConfigureAwait(false);
            }
        }

        private void CloseStream()
        {
            var stream = _stream;
            stream?.Dispose();
            // A call abandoned at its deadline may still be reconnecting: whatever it opens is released when it ends.
            _streamDeadline?.AbandonedCall?.ContinueWith(_ => stream?.Dispose(), TaskScheduler.Default);
            _stream = null;
            _streamProvider = null;
            _streamDeadline?.Dispose();
            _streamDeadline = null;
        }

        private const string Setting = "deadlines.sttSeconds";

        /// <summary>Routes one utterance's recogniser signals to its turn and the event queue.</summary>
        private sealed class TurnRecognitionEvents : ISpeechRecognitionEvents
        {
            private readonly TurnContext _turn;
            private readonly IClock _clock;
            private readonly EventQueue _events;

            public TurnRecognitionEvents(TurnContext turn, IClock clock, EventQueue events)
            {
                _turn = turn;
                _clock = clock;
                _events = events;
            }

            public void OnInterim(Transcript transcript)
            {
                if (!_turn.IsCancelled && transcript.Text.Length > 0)
                    _events.Post(new TranscriptReceived(_clock.Now, _turn.Id, transcript.Text, false));
            }

            public void OnEndOfSpeech() => _turn.SignalEndOfSpeech();
        }
    }
}
