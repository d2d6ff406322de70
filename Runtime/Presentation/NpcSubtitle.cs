using System;
using System.Text;
using VoiceNpc.Conversation;

namespace VoiceNpc.Presentation
{
    /// <summary>
    /// The NPC's subtitle, built word by word as the player hears it: a reply's words from <see cref="NpcLineStarted"/>,
    /// a filler's from <see cref="FillerStarted"/>, each <see cref="SubtitleWord"/> added when the speakers reach it, in
    /// the line's own spelling where the text is known (<see cref="LineWordAligner"/>); at the line's end its full text.
    /// An interrupted line keeps the words the player heard and ends with <see cref="InterruptedMark"/>; a finished line
    /// stays up for <see cref="LingerSeconds"/> of game time, then <see cref="Text"/> is empty. Game thread only.
    /// </summary>
    public sealed class NpcSubtitle
    {
        private readonly StringBuilder _text = new StringBuilder();
        private readonly LineWordAligner _aligner = new LineWordAligner();
        private int _turn = -1;
        private double _lingerLeft;
        private bool _ended;

        public NpcSubtitle(double lingerSeconds = 2.5, string interruptedMark = "—")
        {
            if (!(lingerSeconds >= 0)) throw new ArgumentOutOfRangeException(nameof(lingerSeconds), lingerSeconds, "a linger time is 0 or more");
            LingerSeconds = lingerSeconds;
            InterruptedMark = interruptedMark ?? throw new ArgumentNullException(nameof(interruptedMark));
        }

        public double LingerSeconds { get; }
        public string InterruptedMark { get; }

        /// <summary>What to show now: the words heard so far of the current line, or "" when no line is up.</summary>
        public string Text { get; private set; } = "";

        /// <summary>Whether the line up is a filler ("Hmm, let me think") rather than the reply.</summary>
        public bool IsFiller { get; private set; }

        /// <summary>Raised when <see cref="Text"/> changes, with the new text.</summary>
        public event Action<string>? Changed;

        /// <summary>Takes the events that concern the subtitle; returns whether the text changed.</summary>
        public bool Handle(ConversationEvent e)
        {
            switch (e)
            {
                case FillerStarted filler: return Begin(filler.Turn, true, filler.Text);
                case NpcLineStarted line: return Begin(line.Turn, false, line.Text);
                case SubtitleWord word: return AddWord(word.Turn, word.Word);
                case NpcLineEnded ended: return End(ended);
                case TurnCompleted done: return done.Metrics.Turn == _turn && !_ended && Text.Length > 0 && Linger();
                default: return false;
            }
        }

        /// <summary>Counts the linger time down by a frame's <paramref name="seconds"/>; clears a finished line after it.</summary>
        public void Advance(double seconds)
        {
            if (!_ended || Text.Length == 0) return;
            _lingerLeft -= seconds;
            if (_lingerLeft <= 0) Clear();
        }

        /// <summary>Takes the line down now.</summary>
        public void Clear()
        {
            _text.Clear();
            _ended = false;
            IsFiller = false;
            Set("");
        }

        private bool Begin(int turn, bool filler, string text)
        {
            _aligner.Begin(text);
            _turn = turn;
            _text.Clear();
            _ended = false;
            IsFiller = filler;
            return Set("");
        }

        private bool AddWord(int turn, string word)
        {
            string trimmed = word.Trim();
            if (trimmed.Length == 0) return false;
            if (turn != _turn || _ended) Begin(turn, IsFiller && turn == _turn, "");
            foreach (string shown in _aligner.Shown(trimmed))
            {
                if (_text.Length > 0 && !AttachesLeft(shown)) _text.Append(' ');
                _text.Append(shown);
            }
            return Set(_text.ToString());
        }

        private bool End(NpcLineEnded ended)
        {
            if (ended.Turn != _turn) return false;
            // The line's own text, as the runtime kept it: all of it, or what the player heard (with its punctuation).
            string kept = (ended.Interrupted ? ended.HeardText : ended.FullText).Trim();
            string shown = kept.Length > 0 ? kept : _text.ToString();
            if (ended.Interrupted) shown = shown.TrimEnd() + InterruptedMark;
            Linger();
            return Set(shown);
        }

        /// <summary>A turn can end without a line end (a filler alone, then the reply was dropped): the filler lingers.</summary>
        private bool Linger()
        {
            _ended = true;
            _lingerLeft = LingerSeconds;
            return false;
        }

        /// <summary>A word of punctuation alone (",", "...") joins the word before it.</summary>
        private static bool AttachesLeft(string word) => word.Length > 0 && Array.IndexOf(ClosingPunctuation, word[0]) >= 0;

        private static readonly char[] ClosingPunctuation = { ',', '.', '!', '?', ';', ':', ')', '…' };

        private bool Set(string text)
        {
            if (text == Text) return false;
            Text = text;
            Changed?.Invoke(text);
            return true;
        }
    }
}
