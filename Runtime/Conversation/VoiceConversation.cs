using System;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using VoiceNpc.Audio;
using VoiceNpc.Brain;
using VoiceNpc.Characters;
using VoiceNpc.Stt;
using VoiceNpc.Timing;

namespace VoiceNpc.Conversation
{
    /// <summary>
    /// A spoken conversation between the player and one character. Start it, then call <see cref="Pump"/> once per
    /// game frame: every event reaches game code there, on the caller's thread. The audio pump and the provider
    /// workers run in the background, connected by bounded channels.
    /// </summary>
    public sealed class VoiceConversation : IAsyncDisposable
    {
        private const int SttQueueFrames = 512;   // ~10 s of 20 ms frames: the STT stage may lag, never block the pump

        private readonly EventQueue _events = new EventQueue();
        private readonly ConversationControls _controls = new ConversationControls();
        private readonly CancellationTokenSource _stop = new CancellationTokenSource();
        private readonly ConversationProviders _providers;
        private readonly IClock _clock;
        private ConversationPump? _pump;
        private TrackedChannel<SttInput>? _stt;
        private TrackedChannel<ReplyRequest>? _replies;
        private Task _running = Task.CompletedTask;
        private volatile bool _stopped;

        private VoiceConversation(CharacterDefinition character, ConversationProviders providers, IClock clock, ConversationMemory memory)
        {
            Character = character;
            _providers = providers;
            _clock = clock;
            Memory = memory;
        }

        public CharacterDefinition Character { get; }
        public ConversationMemory Memory { get; }
        public TurnState State => _pump?.State ?? TurnState.Listening;

        /// <summary>Frames the STT stage could not keep up with (dropped and counted, never blocking the pump).</summary>
        public long DroppedFrames => _pump?.DroppedFrames ?? 0;

        /// <summary>Raised by <see cref="Pump"/> for each event, on the thread that calls it.</summary>
        public event Action<ConversationEvent>? EventRaised;

        /// <summary>
        /// Prepares the providers (biased speech model, filler audio in the character's voice) and starts listening.
        /// The conversation owns the providers from here on; if starting fails or is cancelled, whatever had started
        /// is stopped and the providers are disposed before the exception reaches the caller (the device is the caller's).
        /// </summary>
        public static Task<VoiceConversation> StartAsync(CharacterDefinition character, ConversationProviders providers,
            IAudioDevice device, IClock clock, ConversationMemory? memory = null, CancellationToken cancellationToken = default) =>
            StartAsync(character, providers, device, clock, memory, cancellationToken, created: null);

        /// <param name="created">Sees the conversation before its pump runs (tests that act on the pump's thread from the first frame).</param>
        internal static async Task<VoiceConversation> StartAsync(CharacterDefinition character, ConversationProviders providers,
            IAudioDevice device, IClock clock, ConversationMemory? memory, CancellationToken cancellationToken, Action<VoiceConversation>? created)
        {
            var conversation = new VoiceConversation(character, providers, clock, memory ?? new ConversationMemory());
            created?.Invoke(conversation);
            try { await conversation.StartCoreAsync(device, cancellationToken).ConfigureAwait(false); }
            catch
            {
                // The pump and workers may already run (a start cancelled while the fillers were spoken): stop them.
                await conversation.DisposeAsync().ConfigureAwait(false);
                throw;
            }
            return conversation;
        }

        /// <summary>Delivers pending events to <see cref="EventRaised"/> on this thread; returns how many.</summary>
        public int Pump()
        {
            int count = 0;
            while (_events.TryTake(out var e))
            {
                count++;
                EventRaised?.Invoke(e);
            }
            return count;
        }

        /// <summary>
        /// Typed player input: a turn without speech recognition. The text is the final transcript
        /// (<see cref="TranscriptReceived"/>), the brain answers as for speech and memory keeps the turn. An NPC that is
        /// thinking or speaking is interrupted first (memory keeps what the player heard, as for a barge-in), and an
        /// utterance the player is speaking is dropped. Any thread; takes effect at the audio pump's next frame.
        /// </summary>
        /// <exception cref="ArgumentException">
        /// The text is empty or white space, or longer than a spoken line (<see cref="Characters.TextLimits.Line"/>).
        /// </exception>
        /// <exception cref="ObjectDisposedException">The conversation has stopped.</exception>
        public void SendText(string text) =>
            Post(new ControlRequest(ControlKind.SendText, ControlText.Check(text, nameof(text), "typed player text")));

        /// <summary>
        /// A line in the NPC's voice, with no brain: said as written (clauses to the voice, audio cache and fallbacks
        /// as for a reply), with <see cref="NpcLineStarted"/>, subtitles, visemes and <see cref="NpcLineEnded"/>, and
        /// interruptible by barge-in. It takes the floor at once: a reply being thought or spoken is interrupted (as
        /// by <see cref="Interrupt"/>) and an utterance the player is speaking is dropped; to say lines one after
        /// another, wait for each one's <see cref="TurnCompleted"/>. Memory keeps what the player heard of it, as a
        /// turn with no player text. Any thread; takes effect at the audio pump's next frame.
        /// </summary>
        /// <exception cref="ArgumentException">
        /// The text is empty or white space, or longer than a spoken line (<see cref="Characters.TextLimits.Line"/>).
        /// </exception>
        /// <exception cref="ObjectDisposedException">The conversation has stopped.</exception>
        public void Say(string text) => Post(new ControlRequest(ControlKind.Say, ControlText.Check(text, nameof(text), "the NPC's line")));

        /// <summary>
        /// Stops the NPC now, thinking or speaking, as a barge-in without the player speaking: the brain and the voice
        /// are cancelled, playback is cleared, <see cref="NpcLineEnded"/> says it was interrupted, memory keeps the words
        /// the player heard, and the conversation listens. Nothing happens when the NPC is not busy. Any thread; takes
        /// effect at the audio pump's next frame.
        /// </summary>
        /// <exception cref="ObjectDisposedException">The conversation has stopped.</exception>
        public void Interrupt() => Post(new ControlRequest(ControlKind.Interrupt));

        /// <summary>
        /// Push-to-talk release: the player's utterance in progress is endpointed at once, without waiting for the VAD's
        /// silence (an utterance over the NPC's speech cuts the NPC off first, however short). Nothing happens when the
        /// player is not speaking. Any thread; takes effect at the audio pump's next frame.
        /// </summary>
        /// <exception cref="ObjectDisposedException">The conversation has stopped.</exception>
        public void EndTurn() => Post(new ControlRequest(ControlKind.EndTurn));

        /// <summary>
        /// While true the microphone is heard as silence: the pump still runs and the NPC still speaks, and an utterance
        /// in progress ends as the VAD ends one (after its silence), so what was said is still answered. Any thread;
        /// read by the audio pump every frame.
        /// </summary>
        public bool MicrophoneMuted
        {
            get => _controls.MicrophoneMuted;
            set => _controls.MicrophoneMuted = value;
        }

        private void Post(ControlRequest request)
        {
            if (_stopped) throw new ObjectDisposedException(nameof(VoiceConversation), "the conversation has stopped: start a new one to talk again");
            _controls.Post(request);
        }

        /// <summary>
        /// Hands the pending events to <paramref name="sink"/> without raising <see cref="EventRaised"/>: a host
        /// collecting the last events from a worker must not call game code there.
        /// </summary>
        internal void Drain(Action<ConversationEvent> sink)
        {
            while (_events.TryTake(out var e)) sink(e);
        }

        /// <summary>
        /// For hosts without a frame loop (tools, tests): completes when events are waiting for <see cref="Pump"/>.
        /// </summary>
        public Task WaitForEventsAsync(CancellationToken cancellationToken) => _events.WaitAsync(cancellationToken);

        private async Task StartCoreAsync(IAudioDevice device, CancellationToken cancellationToken)
        {
            foreach (var skipped in _providers.Skipped) _events.Post(skipped);
            await PrepareSpeechToTextAsync(cancellationToken).ConfigureAwait(false);
            var fillers = new FillerLines();

            var pool = new FramePool(AudioFormat.FrameSamples, SttQueueFrames);
            // Room for control messages beyond the audio the pool can lend out, so Begin/Finalize are never dropped.
            _stt = new TrackedChannel<SttInput>(SttQueueFrames + 64, _clock.Work);
            _replies = new TrackedChannel<ReplyRequest>(4, _clock.Work);
            var clauses = new TrackedChannel<ClauseItem>(64, _clock.Work);
            var playback = Channel.CreateBounded<PlaybackItem>(new BoundedChannelOptions(64) { SingleReader = true, SingleWriter = false });   // the TTS worker and a streamed reply's reader

            var vad = new VadChain(_providers.Vad, _events);
            _pump = new ConversationPump(device, _clock, Character, _events, vad, pool, _stt, playback.Reader, fillers, Memory, _controls, _replies);
            var stt = new SttWorker(_stt, _providers.Stt, pool, _clock, _events, Character.TurnTaking.MaxTurnSeconds, Character.Deadlines.Stt, OnFinalTranscript);
            var brain = new BrainWorker(_replies, clauses, _providers.Llm, _clock, _events, Character.Deadlines.Llm);
            var tts = new TtsWorker(clauses, playback.Writer, _providers.Tts, _providers.Cache, Character, _clock, _events);

            // Whatever the microphone caught while the providers were being prepared was said before we listened.
            if (device is IRealTimeAudioDevice live) DropStaleCapture(live);
            _running = Task.WhenAll(
                Task.Run(stt.RunAsync),
                Task.Run(brain.RunAsync),
                Task.Run(tts.RunAsync),
                Task.Run(() => RunPumpAsync(device, _stop.Token)));
            // The pump already listens; the filler lines are spoken now, as tracked work, so simulated TTS latency
            // on a virtual clock moves its time forward like any other stage's.
            _clock.Work.Begin();
            try { await SynthesizeFillersAsync(fillers, cancellationToken).ConfigureAwait(false); }
            finally { _clock.Work.End(); }
        }

        private async Task PrepareSpeechToTextAsync(CancellationToken cancellationToken)
        {
            var context = RecognitionContext.For(Character);
            while (true)
            {
                var stt = _providers.Stt.Current;
                try
                {
                    await stt.PrepareAsync(context, cancellationToken).ConfigureAwait(false);
                    await PrepareFallbacksAsync(context, cancellationToken).ConfigureAwait(false);
                    return;
                }
                catch (Exception e) when (!(e is OperationCanceledException))
                {
                    if (!Failover.Report(_providers.Stt, stt, stt.Name, e, _events, _clock.Now)) throw;
                }
            }
        }

        /// <summary>
        /// The recognisers behind the current one are prepared too: a fallback mid-turn must not wait for (or lack) its
        /// character model. One that cannot prepare now gets another chance if it is ever reached.
        /// </summary>
        private async Task PrepareFallbacksAsync(RecognitionContext context, CancellationToken cancellationToken)
        {
            foreach (var stt in _providers.Stt.Ahead)
            {
                try { await stt.PrepareAsync(context, cancellationToken).ConfigureAwait(false); }
                catch (Exception e) when (!(e is OperationCanceledException))
                {
                    _events.Post(new ConversationError(_clock.Now, "stt", $"{stt.Name} (a fallback) could not prepare: {e.Message}", e));
                }
            }
        }

        private async Task SynthesizeFillersAsync(FillerLines fillers, CancellationToken cancellationToken)
        {
            while (true)
            {
                var tts = _providers.Tts.Current;
                try
                {
                    await fillers.SynthesizeAsync(Character, tts, _providers.Cache, _clock, cancellationToken).ConfigureAwait(false);
                    return;
                }
                catch (Exception e) when (!(e is OperationCanceledException))
                {
                    // With every TTS down the conversation still runs, just without fillers.
                    if (!Failover.Report(_providers.Tts, tts, tts.Name, e, _events, _clock.Now)) return;
                }
            }
        }

        private void OnFinalTranscript(TurnContext turn, Transcript transcript)
        {
            var now = _clock.Now;
            string text = transcript.Text.Trim();
            _events.Post(new TranscriptReceived(now, turn.Id, text, true));
            if (text.Length > 0 && !turn.IsCancelled)
            {
                if (!_replies!.TryWrite(new ReplyRequest(turn, new BrainRequest(Character, text, Memory.Turns) { Memory = Memory })))
                {
                    _events.Post(new ConversationError(now, "llm", "the brain is still busy with earlier turns; this one was skipped", null));
                    text = "";
                }
            }
            turn.CompleteTranscript(text, now);
        }

        private async Task RunPumpAsync(IAudioDevice device, CancellationToken cancellationToken)
        {
            try
            {
                if (device is IRealTimeAudioDevice live) await PaceOnCaptureAsync(live, cancellationToken).ConfigureAwait(false);
                else await PaceOnClockAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested) { }
            catch (Exception e)
            {
                _events.Post(new ConversationError(_clock.Now, "audio", "the audio pump stopped: " + e.Message, e));
            }
        }

        private static void DropStaleCapture(IRealTimeAudioDevice device)
        {
            var stale = new short[AudioFormat.FrameSamples];
            while (device.AvailableCaptureSamples > 0 && device.ReadCapture(stale) > 0) { }
        }

        private async Task PaceOnClockAsync(CancellationToken cancellationToken)
        {
            var frame = TimeSpan.FromMilliseconds(AudioFormat.FrameMilliseconds);
            var next = _clock.Now;
            while (!cancellationToken.IsCancellationRequested)
            {
                next += frame;
                await _clock.WaitUntilAsync(next, cancellationToken).ConfigureAwait(false);
                _pump!.ProcessFrame();
            }
        }

        /// <summary>
        /// A live microphone is the clock: a frame is processed whenever one has arrived. If capture stalls (a lost
        /// microphone), frames of silence keep the speaking side and fault reporting going.
        /// </summary>
        private async Task PaceOnCaptureAsync(IRealTimeAudioDevice device, CancellationToken cancellationToken)
        {
            var poll = TimeSpan.FromMilliseconds(5);
            var frame = TimeSpan.FromMilliseconds(AudioFormat.FrameMilliseconds);
            var stalledAfter = TimeSpan.FromMilliseconds(200);
            var lastFrame = _clock.Now;
            while (!cancellationToken.IsCancellationRequested)
            {
                await _clock.WaitUntilAsync(_clock.Now + poll, cancellationToken).ConfigureAwait(false);
                var now = _clock.Now;
                if (device.AvailableCaptureSamples >= AudioFormat.FrameSamples)
                {
                    while (device.AvailableCaptureSamples >= AudioFormat.FrameSamples) _pump!.ProcessFrame();
                    lastFrame = now;
                }
                else if (now - lastFrame >= stalledAfter)
                {
                    _pump!.ProcessFrame();
                    lastFrame += frame;
                }
                else
                {
                    _pump!.ServicePlayback();
                }
            }
        }

        /// <summary>Stops listening and speaking, lets the workers finish, and releases the providers.</summary>
        public async ValueTask DisposeAsync()
        {
            _stopped = true;
            _stop.Cancel();
            _stt?.Complete();
            _replies?.Complete();
            try { await _running.ConfigureAwait(false); }
            catch (Exception e) { _events.Post(new ConversationError(_clock.Now, "shutdown", e.Message, e)); }
            _providers.Dispose();
            _stop.Dispose();
        }
    }
}
