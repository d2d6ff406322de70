using System.Collections.Generic;
using System.Text;

namespace VoiceNpc.Providers.Scripted
{
    /// <summary>Lower-case word tokens with light stemming, so "swords" matches the keyword "sword".</summary>
    internal static class TextTokens
    {
        public static List<string> Of(string text)
        {
            var tokens = new List<string>();
            var word = new StringBuilder();
            foreach (char c in text)
            {
                if (char.IsLetterOrDigit(c) || c == '\'') word.Append(char.ToLowerInvariant(c));
                else Flush(word, tokens);
            }
            Flush(word, tokens);
            return tokens;
        }

        public static string Stem(string token)
        {
            if (token.EndsWith("'s")) token = token.Substring(0, token.Length - 2);
            if (token.Length > 5 && token.EndsWith("ing")) return token.Substring(0, token.Length - 3);
            if (token.Length > 4 && token.EndsWith("ed")) return token.Substring(0, token.Length - 2);
            if (token.Length > 4 && token.EndsWith("es")) return token.Substring(0, token.Length - 2);
            if (token.Length > 3 && token.EndsWith("s") && !token.EndsWith("ss")) return token.Substring(0, token.Length - 1);
            return token;
        }

        private static void Flush(StringBuilder word, List<string> tokens)
        {
            if (word.Length == 0) return;
            tokens.Add(Stem(word.ToString()));
            word.Clear();
        }
    }
}
