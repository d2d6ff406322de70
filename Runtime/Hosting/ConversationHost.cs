using System;
using System.Threading;
using System.Threading.Tasks;
using VoiceNpc.Conversation;

namespace VoiceNpc.Hosting
{
    /// <summary>
    /// The life cycle of one NPC's conversation, engine-free, for a game component to wrap: <see cref="Start"/> returns
    /// at once and prepares everything on a worker; <see cref="Pump"/> (once per frame, on the game thread) raises every
    /// event there; <see cref="Stop"/> releases the threads and the device synchronously (OnDisable, quitting, before a
    /// domain reload), and a later <see cref="Start"/> starts afresh. The player's memory is loaded at start, saved in
    /// the background after each turn and at stop. Failures never throw into the game loop: the host is then
    /// <see cref="HostState.Failed"/> with a <see cref="FailureReason"/> and a <see cref="ConversationError"/> event.
    /// </summary>
    /// <remarks>
    /// The controls need <see cref="HostState.Running"/>: before (or after) it they are refused with an
    /// <see cref="InvalidOperationException"/> naming the state, except <see cref="MicrophoneMuted"/>, which is kept
    /// and applied when the conversation runs.
    /// </remarks>
    public sealed class ConversationHost : IDisposable
    {
        /// <summary>How long <see cref="Dispose"/> waits for everything to stop.</summary>
        public static readonly TimeSpan DefaultStopTimeout = TimeSpan.FromSeconds(5);

        private readonly HostPlan _plan;
        private readonly EventQueue _events = new EventQueue();
        private readonly object _gate = new object();
        private HostSession? _session;
        private volatile VoiceConversation? _running;
        private volatile HostState _state = HostState.Stopped;
        private volatile string? _failure;
        private bool _muted, _paused;

        /// <exception cref="ArgumentException">A required setting is missing (named in the message).</exception>
        public ConversationHost(ConversationHostSettings settings) => _plan = new HostPlan(settings);

        public HostState State => _state;

        /// <summary>Why the last start failed (what could not be done, and the error); null unless <see cref="HostState.Failed"/>.</summary>
        public string? FailureReason => _failure;

        /// <summary>The conversation while <see cref="HostState.Running"/>; null otherwise.</summary>
        public VoiceConversation? Conversation => _running;

        /// <summary>The conversation's events and the host's own errors, raised by <see cref="Pump"/> on its thread.</summary>
        public event Action<ConversationEvent>? EventRaised;

        /// <summary>Each state the host enters, raised by <see cref="Pump"/> on its thread, in order with the events.</summary>
        public event Action<HostState>? StateChanged;

        /// <summary>
        /// Starts the conversation and returns at once: the device is opened, the memory loaded, the providers resolved and
        /// prepared on a worker. Watch <see cref="StateChanged"/> for <see cref="HostState.Running"/> or
        /// <see cref="HostState.Failed"/>. Allowed when stopped or failed.
        /// </summary>
        /// <exception cref="InvalidOperationException">The host is starting, running or stopping already.</exception>
        public void Start()
        {
            lock (_gate)
            {
                if (_state != HostState.Stopped && _state != HostState.Failed)
                    throw new InvalidOperationException($"the conversation host is {_state}: Start needs it Stopped or Failed (call Stop first)");
                _failure = null;
                _session = new HostSession(_plan, _events);
                SetState(HostState.Starting);
                _session.Start(Started, Failed);
            }
        }

        /// <summary>
        /// Raises, on this thread, every event that happened since the last call (host states first as they came, then
        /// the conversation's); returns how many. Call once per frame from the game thread.
        /// </summary>
        public int Pump()
        {
            _running?.Pump();   // moves the conversation's events into the host's queue (and queues memory saves)
            int count = 0;
            while (_events.TryTake(out var e))
            {
                count++;
                if (e is HostStateNotice notice) StateChanged?.Invoke(notice.State);
                else EventRaised?.Invoke(e);
            }
            return count;
        }

        /// <summary>For hosts without a frame loop (tools, tests): completes when <see cref="Pump"/> has something to raise.</summary>
        public async Task WaitForEventsAsync(CancellationToken cancellationToken)
        {
            var conversation = _running;
            if (conversation == null)
            {
                await _events.WaitAsync(cancellationToken).ConfigureAwait(false);
                return;
            }
            using var either = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var done = await Task.WhenAny(_events.WaitAsync(either.Token), conversation.WaitForEventsAsync(either.Token)).ConfigureAwait(false);
            either.Cancel();   // the other wait ends without taking a wake-up: an event it would have seen stays queued for Pump
            await done.ConfigureAwait(false);
        }

        /// <inheritdoc cref="VoiceConversation.SendText"/>
        /// <exception cref="InvalidOperationException">The host is not running (the state is named).</exception>
        public void SendText(string text) => Running(nameof(SendText)).SendText(text);

        /// <inheritdoc cref="VoiceConversation.Say"/>
        /// <exception cref="InvalidOperationException">The host is not running (the state is named).</exception>
        public void Say(string text) => Running(nameof(Say)).Say(text);

        /// <inheritdoc cref="VoiceConversation.Interrupt"/>
        /// <exception cref="InvalidOperationException">The host is not running (the state is named).</exception>
        public void Interrupt() => Running(nameof(Interrupt)).Interrupt();

        /// <inheritdoc cref="VoiceConversation.EndTurn"/>
        /// <exception cref="InvalidOperationException">The host is not running (the state is named).</exception>
        public void EndTurn() => Running(nameof(EndTurn)).EndTurn();

        /// <summary>
        /// The microphone is heard as silence (see <see cref="VoiceConversation.MicrophoneMuted"/>). Kept across starts
        /// and while paused: settable in any state, applied whenever the conversation runs.
        /// </summary>
        public bool MicrophoneMuted
        {
            get { lock (_gate) return _muted; }
            set
            {
                lock (_gate)
                {
                    _muted = value;
                    ApplyMute();
                }
            }
        }

        public bool IsPaused
        {
            get { lock (_gate) return _paused; }
        }

        /// <summary>
        /// For OnApplicationPause (a phone call, the app sent to the background): pausing interrupts the NPC (memory keeps
        /// what the player heard before the pause) and hears the microphone as silence, so nothing said around the game
        /// becomes a turn; resuming listens again (unless <see cref="MicrophoneMuted"/>). The device stays open and the
        /// pump keeps running. Any state: a host paused while starting comes up muted.
        /// </summary>
        public void Pause(bool paused)
        {
            VoiceConversation? conversation;
            lock (_gate)
            {
                _paused = paused;
                ApplyMute();
                conversation = _running;
            }
            if (paused) conversation?.Interrupt();
        }

        /// <summary>
        /// Stops synchronously: cancels a start in progress, disposes the conversation (its workers and pump end) and the
        /// device, and saves the memory. True when all of that finished within <paramref name="timeout"/>; otherwise it goes
        /// on in the background (the device is released only after the pump has stopped) and the host is
        /// <see cref="HostState.Stopped"/> anyway, ready to start again. Safe to call in any state, any number of times.
        /// </summary>
        public bool Stop(TimeSpan timeout)
        {
            HostSession? session;
            lock (_gate)
            {
                session = _session;
                _session = null;
                _running = null;
                if (session == null)
                {
                    if (_state == HostState.Failed) SetState(HostState.Stopped);
                    return true;
                }
                SetState(HostState.Stopping);
            }
            bool done = session.Teardown().Wait(timeout);
            lock (_gate)
            {
                if (_session == null) SetState(HostState.Stopped);
            }
            return done;
        }

        /// <summary>Completes when the memory saves queued so far have finished (tests; done when stopped).</summary>
        internal Task SavesIdle
        {
            get { lock (_gate) return _session?.SavesIdle ?? Task.CompletedTask; }
        }

        /// <summary>Stops, waiting up to <see cref="DefaultStopTimeout"/>.</summary>
        public void Dispose() => Stop(DefaultStopTimeout);

        private VoiceConversation Running(string control)
        {
            var conversation = _running;
            if (conversation != null) return conversation;
            var state = _state;
            string why = state == HostState.Failed ? $" ({_failure})" : state == HostState.Starting ? " (wait for StateChanged(Running))" : "";
            throw new InvalidOperationException($"the conversation host is {state}{why}: {control} needs it Running");
        }

        private void Started(HostSession session)
        {
            lock (_gate)
            {
                if (_session != session) return;   // stopped meanwhile: the session's teardown disposes the conversation
                _running = session.Conversation;
                ApplyMute();
                SetState(HostState.Running);
            }
        }

        private void Failed(HostSession session, string reason, Exception error)
        {
            lock (_gate)
            {
                if (_session != session) return;
                _session = null;
                _failure = reason;
                _events.Post(new ConversationError(_plan.Clock.Now, "host", reason, error));
                SetState(HostState.Failed);
            }
        }

        private void ApplyMute()
        {
            var conversation = _running;
            if (conversation != null) conversation.MicrophoneMuted = _muted || _paused;
        }

        private void SetState(HostState state)
        {
            if (_state == state) return;
            _state = state;
            _events.Post(new HostStateNotice(_plan.Clock.Now, state));
        }
    }
}
