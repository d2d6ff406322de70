using System;
using System.Collections.Generic;
using System.Text;

namespace VoiceNpc.Presentation
{
    /// <summary>
    /// Puts the words a voice reports (Flite's are lowercase without punctuation: "well", "met") back onto the line's
    /// own text ("Well met, traveller."), so a subtitle grows in the line's spelling. A word matches the next token of
    /// the text when their letters and digits agree, ignoring case; a match a few tokens on shows the skipped tokens too;
    /// a word spoken for a number ("three" for "3.5") shows the number once. Words beyond the known text are shown as
    /// they come. Game thread only.
    /// </summary>
    internal sealed class LineWordAligner
    {
        private const int LookAhead = 3;
        private readonly List<string> _tokens = new List<string>();
        private int _next;

        /// <summary>Starts a line whose text is <paramref name="text"/> (may be empty or only its beginning).</summary>
        public void Begin(string text)
        {
            _tokens.Clear();
            _tokens.AddRange(text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
            _next = 0;
        }

        /// <summary>
        /// What to append to the shown text for the heard <paramref name="word"/>: tokens of the line, the word itself, or nothing.
        /// </summary>
        public IEnumerable<string> Shown(string word)
        {
            string key = Key(word);
            if (_next >= _tokens.Count)
            {
                yield return word;
                yield break;
            }
            for (int i = _next; i < _tokens.Count && i <= _next + LookAhead; i++)
            {
                if (Key(_tokens[i]) != key || key.Length == 0) continue;
                for (int j = _next; j <= i; j++) yield return _tokens[j];
                _next = i + 1;
                yield break;
            }
            if (HasDigit(_tokens[_next])) yield return _tokens[_next++];   // "3.5" is spoken as several words: show it once
        }

        private static string Key(string word)
        {
            var key = new StringBuilder(word.Length);
            foreach (char c in word)
                if (char.IsLetterOrDigit(c)) key.Append(char.ToLowerInvariant(c));
            return key.ToString();
        }

        private static bool HasDigit(string token)
        {
            foreach (char c in token)
                if (char.IsDigit(c)) return true;
            return false;
        }
    }
}
