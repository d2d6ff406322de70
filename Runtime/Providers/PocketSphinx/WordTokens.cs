using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace VoiceNpc.Providers.PocketSphinx
{
    /// <summary>Splits text into the lower-case word forms cmudict uses ("can't", "sword").</summary>
    internal static class WordTokens
    {
        public static List<string> Split(string text)
        {
            var words = new List<string>();
            var current = new StringBuilder();
            foreach (char c in text)
            {
                if (char.IsLetterOrDigit(c) || c == '\'')
                {
                    current.Append(char.ToLower(c, CultureInfo.InvariantCulture));
                }
                else
                {
                    Flush(current, words);
                }
            }

            Flush(current, words);
            return words;
        }

        private static void Flush(StringBuilder current, List<string> words)
        {
            // Quotes around a word are punctuation, not part of it.
            var word = current.ToString().Trim('\'');
            if (word.Length > 0)
            {
                words.Add(word);
            }

            current.Clear();
        }
    }
}
