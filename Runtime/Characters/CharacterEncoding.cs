using System;
using System.Text;

namespace VoiceNpc.Characters
{
    /// <summary>
    /// The decoding guard in front of the JSON parser: a character file is UTF-8 text (a byte-order mark allowed),
    /// not empty, and every byte decodes. Anything else is a problem naming the encoding found or the byte offset,
    /// so no invalid byte becomes a silent U+FFFD and no UTF-16 file is reported as a syntax error.
    /// </summary>
    internal static class CharacterEncoding
    {
        private static readonly UTF8Encoding Strict = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
        private static readonly byte[] Utf8Bom = { 0xEF, 0xBB, 0xBF };

        /// <summary>Text handed over as a string (an editor's buffer): UTF-8 of it, or a problem at the first lone surrogate.</summary>
        public static byte[] Encode(string text, string file)
        {
            text = text.TrimStart('\uFEFF');
            if (text.Length > TextLimits.FileBytes)
                throw CharacterLoadException.At(file, "$", TextLimits.TooLargeFile($"{text.Length} characters"));
            try { return Strict.GetBytes(text); }
            catch (EncoderFallbackException e)
            {
                throw CharacterLoadException.At(file, $"character {e.Index}", "text of whole Unicode characters, found half of a surrogate pair");
            }
        }

        /// <summary>The JSON text of a file's bytes (without a byte-order mark), or a problem saying why they are not UTF-8 JSON.</summary>
        public static ReadOnlyMemory<byte> Check(ReadOnlyMemory<byte> bytes, string file)
        {
            string? other = OtherEncoding(bytes.Span);
            if (other != null) throw CharacterLoadException.At(file, "$", $"UTF-8 text, found {other}");
            int start = bytes.Span.StartsWith(Utf8Bom) ? Utf8Bom.Length : 0;
            var text = bytes.Slice(start);
            if (IsBlank(text.Span)) throw CharacterLoadException.At(file, "$", "a character object, found an empty file");
            try { Strict.GetCharCount(text.Span); }
            catch (DecoderFallbackException e)
            {
                int offset = start + FirstInvalidByte(text.Span, e);
                throw CharacterLoadException.At(file, $"byte offset {offset} (line {LineOf(bytes.Span, offset)})",
                    $"UTF-8 text, found the byte 0x{bytes.Span[offset]:X2} that does not decode as UTF-8");
            }
            return text;
        }

        /// <summary>UTF-16 or UTF-32, by byte-order mark or by the zero bytes beside the first character (JSON text never holds a zero byte).</summary>
        private static string? OtherEncoding(ReadOnlySpan<byte> b)
        {
            if (b.Length >= 4 && b[0] == 0 && b[1] == 0 && b[2] == 0xFE && b[3] == 0xFF) return "UTF-32 (big-endian)";
            if (b.Length >= 4 && b[0] == 0xFF && b[1] == 0xFE && b[2] == 0 && b[3] == 0) return "UTF-32 (little-endian)";
            if (b.Length >= 2 && b[0] == 0xFF && b[1] == 0xFE) return "UTF-16 (little-endian)";
            if (b.Length >= 2 && b[0] == 0xFE && b[1] == 0xFF) return "UTF-16 (big-endian)";
            if (b.Length >= 4 && b[0] != 0 && b[1] == 0 && b[2] == 0 && b[3] == 0) return "UTF-32 (little-endian, without a byte-order mark)";
            if (b.Length >= 4 && b[0] == 0 && b[1] == 0 && b[2] == 0 && b[3] != 0) return "UTF-32 (big-endian, without a byte-order mark)";
            if (b.Length >= 2 && b[0] != 0 && b[1] == 0) return "UTF-16 (little-endian, without a byte-order mark)";
            if (b.Length >= 2 && b[0] == 0 && b[1] != 0) return "UTF-16 (big-endian, without a byte-order mark)";
            return null;
        }

        // Where the bytes that do not decode start. The exception's Index says it on .NET but one byte early on Mono
        // (Unity's runtime too), so it only narrows the search: the place is where those bytes follow valid UTF-8.
        private static int FirstInvalidByte(ReadOnlySpan<byte> text, DecoderFallbackException e)
        {
            byte[] unknown = e.BytesUnknown ?? new byte[0];
            for (int at = Math.Max(0, e.Index - 3); at <= Math.Min(text.Length - 1, e.Index + 3); at++)
                if (text.Slice(at).StartsWith(unknown) && Decodes(text.Slice(0, at))) return at;
            return Math.Max(0, Math.Min(e.Index, text.Length - 1));
        }

        private static bool Decodes(ReadOnlySpan<byte> text)
        {
            try { Strict.GetCharCount(text); return true; }
            catch (DecoderFallbackException) { return false; }
        }

        private static bool IsBlank(ReadOnlySpan<byte> text)
        {
            foreach (byte b in text)
                if (b != ' ' && b != '\t' && b != '\r' && b != '\n') return false;
            return true;
        }

        private static int LineOf(ReadOnlySpan<byte> bytes, int offset)
        {
            int line = 1;
            for (int i = 0; i < offset; i++)
                if (bytes[i] == '\n') line++;
            return line;
        }
    }
}
