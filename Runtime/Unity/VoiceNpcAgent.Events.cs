using System;
using UnityEngine;
using VoiceNpc.Conversation;
using VoiceNpc.Hosting;
using VoiceNpc.Presentation;

namespace VoiceNpc.Unity
{
    /// <summary>The agent's C# events: every runtime event, on the main thread, from the agent's Update.</summary>
    public sealed partial class VoiceNpcAgent
    {
        /// <summary>Every event the conversation raises.</summary>
        public event Action<ConversationEvent>? EventRaised;

        public event Action<TranscriptReceived>? TranscriptUpdated;
        public event Action<NpcLineStarted>? LineStarted;
        public event Action<NpcLineEnded>? LineEnded;
        public event Action<FillerStarted>? FillerPlayed;
        public event Action<SubtitleWord>? WordHeard;
        public event Action<VisemeChanged>? VisemeShown;
        public event Action<StateChanged>? TurnStateChanged;
        public event Action<TurnMetrics>? TurnFinished;
        public event Action<ProviderFellBack>? FellBack;
        public event Action<ConversationError>? Failed;

        /// <summary>The conversation's life cycle (Starting, Running, Failed, Stopping, Stopped).</summary>
        public event Action<HostState>? HostStateChanged;

        /// <summary>The last finished turn's stage timings, null before the first.</summary>
        public TurnMetrics? LastTurn { get; private set; }

        /// <summary>The last finished turn as a latency waterfall, null before the first.</summary>
        public LatencyWaterfall? LastWaterfall { get; private set; }

        /// <summary>Where the turn cycle is (Listening while stopped).</summary>
        public TurnState TurnState { get; private set; }

        private void Raise(ConversationEvent e)
        {
            // A game handler that throws must not stop the others or the events behind it: Unity logs it, delivery goes on.
            Remember(e);
            Deliver(e, EventRaised);
            Deliver(e, RaiseTyped);
            Deliver(e, events.Raise);
        }

        private void Deliver(ConversationEvent e, Action<ConversationEvent>? sink)
        {
            try { sink?.Invoke(e); }
            catch (Exception failure) { Debug.LogException(failure, this); }
        }

        private void Remember(ConversationEvent e)
        {
            if (e is StateChanged state) TurnState = state.To;
            else if (e is TurnCompleted done)
            {
                LastTurn = done.Metrics;
                LastWaterfall = LatencyWaterfall.From(done.Metrics);
            }
            else if (e is ConversationError error && logErrors) Debug.LogWarning($"VoiceNpc {error.Stage}: {error.Message}", this);
            else if (e is ProviderFellBack { Stage: "capture" } capture && logErrors)
                Debug.LogWarning($"VoiceNpc: native capture is unavailable, so Unity's Microphone is used without echo cancellation: " +
                    capture.Reason, this);
        }

        private void RaiseTyped(ConversationEvent e)
        {
            switch (e)
            {
                case TranscriptReceived t: TranscriptUpdated?.Invoke(t); break;
                case NpcLineStarted s: LineStarted?.Invoke(s); break;
                case NpcLineEnded x: LineEnded?.Invoke(x); break;
                case FillerStarted f: FillerPlayed?.Invoke(f); break;
                case SubtitleWord w: WordHeard?.Invoke(w); break;
                case VisemeChanged v: VisemeShown?.Invoke(v); break;
                case StateChanged st: TurnStateChanged?.Invoke(st); break;
                case TurnCompleted c: TurnFinished?.Invoke(c.Metrics); break;
                case ProviderFellBack b: FellBack?.Invoke(b); break;
                case ConversationError r: Failed?.Invoke(r); break;
            }
        }

        private void RaiseHostState(HostState state)
        {
            try
            {
                if (state == HostState.Failed && logErrors) Debug.LogError($"VoiceNpc: the conversation failed: {FailureReason}", this);
                HostStateChanged?.Invoke(state);
                events.hostState.Invoke(state);
            }
            catch (Exception failure) { Debug.LogException(failure, this); }
        }
    }
}
