using System;
using UnityEngine.Events;
using VoiceNpc.Conversation;
using VoiceNpc.Hosting;

namespace VoiceNpc.Unity
{
    /// <summary>
    /// The agent's UnityEvents, wired in the inspector; each carries the parts of a runtime event a scene can use
    /// without code. Raised on the main thread from the agent's Update. Code can use the agent's C# events instead,
    /// which carry the whole runtime event.
    /// </summary>
    [Serializable]
    public sealed class VoiceNpcAgentEvents
    {
        /// <summary>The player's transcript: text, and whether it is final.</summary>
        public UnityEvent<string, bool> transcript = new UnityEvent<string, bool>();

        /// <summary>The NPC started a reply (its text so far).</summary>
        public UnityEvent<string> lineStarted = new UnityEvent<string>();

        /// <summary>The NPC stopped: what the player heard, and whether the player interrupted.</summary>
        public UnityEvent<string, bool> lineEnded = new UnityEvent<string, bool>();

        /// <summary>A subtitle word, as the speakers reach it.</summary>
        public UnityEvent<string> subtitleWord = new UnityEvent<string>();

        /// <summary>A mouth shape to show now.</summary>
        public UnityEvent<Viseme> viseme = new UnityEvent<Viseme>();

        /// <summary>The turn cycle moved (Listening, PlayerSpeaking, Thinking, NpcSpeaking).</summary>
        public UnityEvent<TurnState> turnState = new UnityEvent<TurnState>();

        /// <summary>The conversation's life cycle moved (Starting, Running, Failed, ...).</summary>
        public UnityEvent<HostState> hostState = new UnityEvent<HostState>();

        /// <summary>A turn finished: its voice-to-voice latency in seconds, or -1 when the NPC did not answer.</summary>
        public UnityEvent<float> turnCompleted = new UnityEvent<float>();

        /// <summary>A provider (or the capture) fell back to the next: "stage: from → to: reason".</summary>
        public UnityEvent<string> fallback = new UnityEvent<string>();

        /// <summary>Something went wrong: "stage: message". The conversation keeps going where it can.</summary>
        public UnityEvent<string> error = new UnityEvent<string>();

        internal void Raise(ConversationEvent e)
        {
            switch (e)
            {
                case TranscriptReceived t: transcript.Invoke(t.Text, t.IsFinal); break;
                case NpcLineStarted s: lineStarted.Invoke(s.Text); break;
                case NpcLineEnded x: lineEnded.Invoke(x.HeardText, x.Interrupted); break;
                case SubtitleWord w: subtitleWord.Invoke(w.Word); break;
                case VisemeChanged v: viseme.Invoke(v.Viseme); break;
                case StateChanged st: turnState.Invoke(st.To); break;
                case TurnCompleted c: turnCompleted.Invoke(c.Metrics.VoiceToVoice is TimeSpan v2v ? (float)v2v.TotalSeconds : -1f); break;
                case ProviderFellBack f: fallback.Invoke($"{f.Stage}: {f.From} → {f.To}: {f.Reason}"); break;
                case ConversationError r: error.Invoke($"{r.Stage}: {r.Message}"); break;
            }
        }
    }
}
