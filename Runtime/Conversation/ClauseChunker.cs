using System;
using System.Collections.Generic;
using System.Text;

namespace VoiceNpc.Conversation
{
    /// <summary>
    /// Cuts streamed LLM text into clauses for TTS: at sentence ends, and at commas, semicolons and colons once the
    /// clause has enough words to sound natural. Speaking the first clause while the rest is still being written
    /// is what keeps voice-to-voice latency low.
    /// </summary>
    public sealed class ClauseChunker
    {
        private static readonly HashSet<string> Abbreviations = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "mr", "mrs", "ms", "dr", "st", "sr", "jr", "vs", "etc", "e.g", "i.e", "no", "mt",
        };

        private readonly StringBuilder _pending = new StringBuilder();
        private readonly int _minClauseWords;

        /// <param name="minClauseWords">A comma only ends a clause after this many words.</param>
        public ClauseChunker(int minClauseWords = 4)
        {
            if (minClauseWords < 1) throw new ArgumentOutOfRangeException(nameof(minClauseWords), minClauseWords, "must be at least 1");
            _minClauseWords = minClauseWords;
        }

        /// <summary>Adds streamed text; returns the clauses it completed, in order (often none).</summary>
        public IReadOnlyList<string> Append(string text)
        {
            _pending.Append(text);
            var clauses = new List<string>();
            int start = 0;
            string buffer = _pending.ToString();
            // A boundary needs the character after it, so the last character waits for more text or Flush.
            for (int i = 0; i < buffer.Length - 1; i++)
            {
                if (!char.IsWhiteSpace(buffer[i + 1]) || !IsBoundary(buffer, start, i)) continue;
                AddClause(clauses, buffer.Substring(start, i + 1 - start));
                start = i + 1;
            }
            _pending.Remove(0, start);
            return clauses;
        }

        /// <summary>The stream ended: returns whatever is left as the final clause, if any.</summary>
        public string? Flush()
        {
            string rest = _pending.ToString().Trim();
            _pending.Clear();
            return rest.Length == 0 ? null : rest;
        }

        /// <summary>Drops buffered text (barge-in).</summary>
        public void Reset() => _pending.Clear();

        private bool IsBoundary(string buffer, int clauseStart, int i)
        {
            char c = buffer[i];
            if (c == '!' || c == '?' || c == '\n') return true;
            if (c == '.') return !EndsWithAbbreviation(buffer, clauseStart, i);
            if (c == ',' || c == ';' || c == ':' || c == '\u2014')
                return CountWords(buffer, clauseStart, i) >= _minClauseWords;
            return false;
        }

        private static bool EndsWithAbbreviation(string buffer, int clauseStart, int dot)
        {
            int wordStart = dot;
            while (wordStart > clauseStart && !char.IsWhiteSpace(buffer[wordStart - 1])) wordStart--;
            string word = buffer.Substring(wordStart, dot - wordStart);
            return word.Length == 1 && char.IsUpper(word[0]) || Abbreviations.Contains(word);
        }

        private static int CountWords(string buffer, int from, int to)
        {
            int words = 0;
            bool inWord = false;
            for (int i = from; i < to; i++)
            {
                bool letter = !char.IsWhiteSpace(buffer[i]);
                if (letter && !inWord) words++;
                inWord = letter;
            }
            return words;
        }

        private static void AddClause(List<string> clauses, string clause)
        {
            clause = clause.Trim();
            if (clause.Length > 0) clauses.Add(clause);
        }
    }
}
