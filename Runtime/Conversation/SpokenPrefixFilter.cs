using System;
using System.Collections.Generic;
using System.Text;

namespace VoiceNpc.Conversation
{
    /// <summary>
    /// A brain that continues a reply another brain started is told not to repeat the words already spoken, but models
    /// often start over anyway. This drops such a restatement (compared word by word, ignoring case and punctuation), so
    /// the NPC never says the words twice; once the text departs from them it passes unchanged.
    /// </summary>
    internal sealed class SpokenPrefixFilter
    {
        private readonly string[] _spoken;
        private readonly StringBuilder _held = new StringBuilder();
        private bool _decided;

        public SpokenPrefixFilter(string spokenSoFar)
        {
            _spoken = Words(spokenSoFar, out _).ToArray();
            _decided = _spoken.Length == 0;
        }

        /// <summary>The text to pass on now: "" while it may still be the spoken words again.</summary>
        public string Filter(string piece)
        {
            if (_decided) return piece;
            _held.Append(piece);
            string held = _held.ToString();
            var words = Words(held, out var ends);
            for (int i = 0; i < words.Count; i++)
            {
                bool mayGoOn = ends[i] == held.Length;   // the word may continue in the next piece
                if (i == _spoken.Length) return Decide(held.Substring(ends[i - 1]).TrimStart(Separators));
                bool same = mayGoOn ? _spoken[i].StartsWith(words[i], StringComparison.Ordinal) : _spoken[i] == words[i];
                if (!same) return Decide(held);
            }
            return "";
        }

        /// <summary>The reply ended: what is still held, unless it was only the spoken words again.</summary>
        public string Flush()
        {
            if (_decided) return "";
            string held = _held.ToString();
            var words = Words(held, out _);
            bool restated = words.Count == _spoken.Length && words.Count > 0 && words[words.Count - 1] == _spoken[_spoken.Length - 1];
            return Decide(restated ? "" : held);
        }

        private static readonly char[] Separators = { ' ', ',', ';', ':', '.', '!', '?', '-', '\u2014', '\n', '\t' };

        private string Decide(string text)
        {
            _decided = true;
            return text;
        }

        /// <summary>Lower-case words and where each ends in <paramref name="text"/>.</summary>
        private static List<string> Words(string text, out List<int> ends)
        {
            var words = new List<string>();
            ends = new List<int>();
            var word = new StringBuilder();
            for (int i = 0; i <= text.Length; i++)
            {
                if (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] == '\''))
                {
                    word.Append(char.ToLowerInvariant(text[i]));
                    continue;
                }
                if (word.Length == 0) continue;
                words.Add(word.ToString());
                ends.Add(i);
                word.Clear();
            }
            return words;
        }
    }
}
