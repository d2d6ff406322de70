using System;
using System.IO;
using System.Security;

namespace VoiceNpc.Characters
{
    /// <summary>
    /// Reads a character file's bytes, at most <see cref="TextLimits.FileBytes"/> of them: a folder, a missing or
    /// unreadable file and an oversized one (a crafted gigabyte, <c>/dev/zero</c>) are problems, never an exception
    /// of another type or a read of the whole thing.
    /// </summary>
    internal static class CharacterFileReader
    {
        public static byte[] Read(string path)
        {
            if (Directory.Exists(path)) throw CharacterLoadException.At(path, "$", "a character file, found a folder");
            if (!File.Exists(path)) throw CharacterLoadException.At(path, "$", "an existing file (not found)");
            byte[]? bytes;
            try
            {
                using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
                bytes = ReadAtMost(stream, TextLimits.FileBytes);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException || e is SecurityException
                                      || e is ArgumentException || e is NotSupportedException)
            {
                throw CharacterLoadException.At(path, "$", $"a readable file ({e.Message})");
            }
            return bytes ?? throw CharacterLoadException.At(path, "$", TextLimits.TooLargeFile("a larger one"));
        }

        /// <summary>The stream's bytes, or null as soon as there are more than <paramref name="limit"/> (a length the file system reports is not trusted).</summary>
        private static byte[]? ReadAtMost(Stream stream, int limit)
        {
            var content = new MemoryStream();
            var chunk = new byte[81920];
            int read;
            while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
            {
                if (content.Length + read > limit) return null;
                content.Write(chunk, 0, read);
            }
            return content.ToArray();
        }
    }
}
