using System.Globalization;
using System.Text;

namespace VoiceNpc.Cli
{
    /// <summary>
    /// Text the CLI prints for humans that came from files, services or players (character lines, transcripts, traces,
    /// saved memories, paths, error messages): every control character (C0, DEL, C1) and every bidirectional override is
    /// shown as a visible escape such as <c>\x1B</c>, so no text can move the cursor, retitle the window, ring the bell,
    /// overwrite a line or forge one. Tabs stay. JSON output needs none of this: its serializer escapes controls.
    /// </summary>
    public static class TerminalText
    {
        /// <summary>The text with its controls made visible.</summary>
        public static string Clean(string? text)
        {
            if (string.IsNullOrEmpty(text)) return "";
            int first = 0;
            while (first < text.Length && !IsControl(text[first])) first++;
            if (first == text.Length) return text;
            var clean = new StringBuilder(text.Length + 16).Append(text, 0, first);
            for (int i = first; i < text.Length; i++)
            {
                char c = text[i];
                if (!IsControl(c)) clean.Append(c);
                else if (c <= '\u00FF') clean.Append("\\x").Append(((int)c).ToString("X2", CultureInfo.InvariantCulture));
                else clean.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
            }
            return clean.ToString();
        }

        /// <summary>The text cleaned and escaped for Spectre.Console markup.</summary>
        public static string Markup(string? text) => Spectre.Console.Markup.Escape(Clean(text));

        private static bool IsControl(char c) =>
            c != '\t' && char.IsControl(c)
            || c >= '\u202A' && c <= '\u202E' || c >= '\u2066' && c <= '\u2069';   // bidi embeddings, overrides, isolates
    }
}
