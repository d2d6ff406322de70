using System;
using System.Text;
using System.Threading;

namespace VoiceNpc.Conversation
{
    /// <summary>
    /// One player turn as it moves through the stages. Each field has one writer (named in its comment); the audio
    /// pump reads them. Cancelling <see cref="Token"/> stops all of the turn's work (barge-in).
    /// </summary>
    internal sealed class TurnContext : IDisposable
    {
        private readonly CancellationTokenSource _cancel = new CancellationTokenSource();
        private readonly StringBuilder _npcText = new StringBuilder();
        private long _finalTranscript = -1, _firstToken = -1, _firstClause = -1, _firstAudio = -1;
        private volatile bool _sttEndOfSpeech, _transcriptReady, _replyComplete;

        public TurnContext(int id, TurnOrigin origin = TurnOrigin.Speech)
        {
            Id = id;
            Origin = origin;
        }

        public int Id { get; }

        /// <summary>Set when the turn is made, never changed: spoken, typed, or a line with no brain.</summary>
        public TurnOrigin Origin { get; }
        public CancellationToken Token => _cancel.Token;
        public bool IsCancelled => _cancel.IsCancellationRequested;

        /// <summary>Pump: the end of the player's speech.</summary>
        public TimeSpan EndOfSpeech { get; set; }

        /// <summary>STT worker: the final transcript, valid once <see cref="TranscriptReady"/>.</summary>
        public string PlayerText { get; private set; } = "";
        public string SttProvider { get; set; } = "";
        public string LlmProvider { get; set; } = "";
        public string TtsProvider { get; set; } = "";

        public bool SttEndOfSpeech => _sttEndOfSpeech;
        public bool TranscriptReady => _transcriptReady;

        /// <summary>TTS worker: every clause of the reply has been synthesized and handed to playback.</summary>
        public bool ReplyComplete => _replyComplete;

        public TimeSpan? FinalTranscriptAt => Read(ref _finalTranscript);
        public TimeSpan? FirstTokenAt => Read(ref _firstToken);
        public TimeSpan? FirstClauseAt => Read(ref _firstClause);
        public TimeSpan? FirstAudioAt => Read(ref _firstAudio);

        public string NpcText { get { lock (_npcText) return _npcText.ToString().Trim(); } }

        public void SignalEndOfSpeech() => _sttEndOfSpeech = true;

        public void CompleteTranscript(string text, TimeSpan at)
        {
            PlayerText = text;
            Mark(ref _finalTranscript, at);
            _transcriptReady = true;
        }

        public void MarkFirstToken(TimeSpan at) => Mark(ref _firstToken, at);
        public void MarkFirstClause(TimeSpan at) => Mark(ref _firstClause, at);
        public void MarkFirstAudio(TimeSpan at) => Mark(ref _firstAudio, at);

        /// <summary>Brain worker: a clause of the reply, as it goes to the voice.</summary>
        public void AppendNpcText(string clause)
        {
            lock (_npcText) _npcText.Append(' ').Append(clause);
        }

        public void CompleteReply() => _replyComplete = true;

        public void Cancel()
        {
            try { _cancel.Cancel(); } catch (ObjectDisposedException) { }
        }

        public void Dispose() => _cancel.Dispose();

        private static void Mark(ref long slot, TimeSpan at) => Interlocked.CompareExchange(ref slot, at.Ticks, -1);

        private static TimeSpan? Read(ref long slot)
        {
            long ticks = Interlocked.Read(ref slot);
            return ticks < 0 ? (TimeSpan?)null : TimeSpan.FromTicks(ticks);
        }
    }
}
