using System;
using VoiceNpc.Conversation;

namespace VoiceNpc.Presentation
{
    /// <summary>
    /// What the player is saying (interim transcripts, replaced as the recogniser revises them) or said (the final one),
    /// shown until <see cref="LingerSeconds"/> of game time after the final transcript or until the next utterance.
    /// An empty final transcript (nothing recognised) takes the line down. Game thread only.
    /// </summary>
    public sealed class PlayerTranscript
    {
        private double _lingerLeft;
        private int _turn = -1;

        public PlayerTranscript(double lingerSeconds = 4)
        {
            if (!(lingerSeconds >= 0)) throw new ArgumentOutOfRangeException(nameof(lingerSeconds), lingerSeconds, "a linger time is 0 or more");
            LingerSeconds = lingerSeconds;
        }

        public double LingerSeconds { get; }

        /// <summary>The transcript to show, or "" when none is up.</summary>
        public string Text { get; private set; } = "";

        /// <summary>Whether <see cref="Text"/> is the recogniser's final result for the utterance.</summary>
        public bool IsFinal { get; private set; }

        /// <summary>Raised when <see cref="Text"/> or <see cref="IsFinal"/> changes.</summary>
        public event Action<string, bool>? Changed;

        /// <summary>Takes <see cref="TranscriptReceived"/> events; returns whether the line changed.</summary>
        public bool Handle(ConversationEvent e)
        {
            if (!(e is TranscriptReceived transcript)) return false;
            // A late interim result of a turn whose final transcript is up does not replace it.
            if (!transcript.IsFinal && IsFinal && transcript.Turn == _turn) return false;
            _turn = transcript.Turn;
            _lingerLeft = LingerSeconds;
            return Set(transcript.Text.Trim(), transcript.IsFinal);
        }

        /// <summary>Counts the linger time down by a frame's <paramref name="seconds"/>; clears a final line after it.</summary>
        public void Advance(double seconds)
        {
            if (!IsFinal || Text.Length == 0) return;
            _lingerLeft -= seconds;
            if (_lingerLeft <= 0) Set("", false);
        }

        private bool Set(string text, bool isFinal)
        {
            if (text == Text && isFinal == IsFinal) return false;
            Text = text;
            IsFinal = isFinal;
            Changed?.Invoke(text, isFinal);
            return true;
        }
    }
}
