using System;
using System.IO;

namespace VoiceNpc.Storage
{
    /// <summary>
    /// Reads a whole file that came from outside (a save, a trace, a player's WAV) without trusting what it says about
    /// its size: in pieces, up to a limit, so a pipe, a FIFO or a device that never ends (<c>/dev/zero</c>) stops at the
    /// limit instead of filling the memory. Every failure goes through <c>fail</c>, which makes the caller's typed error.
    /// </summary>
    internal static class BoundedRead
    {
        private const int Piece = 64 * 1024;

        /// <param name="what">What the file should be, for the message: "a WAV", "a trace".</param>
        public static byte[] ReadAll(string path, int maxBytes, string what, Func<string, Exception> fail)
        {
            if (Directory.Exists(path)) throw fail("is a folder, not a file");
            try
            {
                using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1, FileOptions.SequentialScan);
                return ReadAll(stream, maxBytes, what, fail);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                throw fail("cannot be read: " + e.Message);
            }
        }

        /// <summary>The rest of <paramref name="stream"/>, read in pieces up to <paramref name="maxBytes"/>.</summary>
        public static byte[] ReadAll(Stream stream, int maxBytes, string what, Func<string, Exception> fail)
        {
            var content = new MemoryStream(stream.CanSeek ? (int)Math.Max(0, Math.Min(stream.Length - stream.Position, maxBytes)) : Piece);
            var piece = new byte[Piece];
            int read;
            while ((read = stream.Read(piece, 0, (int)Math.Min(Piece, maxBytes + 1L - content.Length))) > 0)
            {
                content.Write(piece, 0, read);
                if (content.Length > maxBytes) throw fail(TooLarge(maxBytes, what));
            }
            return content.Length == content.Capacity ? content.GetBuffer() : content.ToArray();
        }

        public static string TooLarge(int maxBytes, string what) => $"holds more than {Size(maxBytes)}, the most {what} may be";

        /// <summary>A limit as people read it: "64 MiB".</summary>
        public static string Size(long bytes) =>
            bytes >= 1 << 20 && bytes % (1 << 20) == 0 ? $"{bytes >> 20} MiB" : bytes >= 1 << 10 && bytes % (1 << 10) == 0 ? $"{bytes >> 10} KiB" : $"{bytes} bytes";
    }
}
