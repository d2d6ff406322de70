using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace VoiceNpc.Providers.PocketSphinx
{
    /// <summary>The entries of a CMU-format dictionary ("word PH O NES", "word(2) ...") for a few words.</summary>
    internal sealed class PronunciationDictionary
    {
        private static readonly char[] Separators = { ' ', '\t' };

        private PronunciationDictionary(IReadOnlyList<string> lines, IReadOnlyList<string> found, IReadOnlyList<string> missing)
        {
            Lines = lines;
            Found = found;
            Missing = missing;
        }

        /// <summary>The dictionary lines of the found words, alternate pronunciations included.</summary>
        public IReadOnlyList<string> Lines { get; }

        public IReadOnlyList<string> Found { get; }

        /// <summary>Words the dictionary does not know; the recogniser cannot hear them.</summary>
        public IReadOnlyList<string> Missing { get; }

        /// <summary>One pass over the full dictionary, keeping only the lines of <paramref name="words"/>.</summary>
        public static PronunciationDictionary Restrict(string dictionaryPath, IEnumerable<string> words)
        {
            var wanted = new HashSet<string>(words, StringComparer.Ordinal);
            var found = new HashSet<string>(StringComparer.Ordinal);
            var lines = new List<string>();
            foreach (var line in File.ReadLines(dictionaryPath))
            {
                int space = line.IndexOfAny(Separators);
                if (space <= 0)
                {
                    continue;
                }

                var word = BaseForm(line.Substring(0, space));
                if (wanted.Contains(word))
                {
                    lines.Add(line);
                    found.Add(word);
                }
            }

            var missing = wanted.Where(w => !found.Contains(w)).OrderBy(w => w, StringComparer.Ordinal).ToList();
            return new PronunciationDictionary(lines, found.OrderBy(w => w, StringComparer.Ordinal).ToList(), missing);
        }

        /// <summary>"word(2)" → "word": alternates are marked by a parenthesised number.</summary>
        public static string BaseForm(string word)
        {
            int open = word.IndexOf('(');
            return open > 0 && word.EndsWith(")", StringComparison.Ordinal) ? word.Substring(0, open) : word;
        }
    }
}
