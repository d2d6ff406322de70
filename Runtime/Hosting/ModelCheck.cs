using System;
using System.Collections.Concurrent;
using System.IO;
using System.Security.Cryptography;

namespace VoiceNpc.Hosting
{
    /// <summary>
    /// Finds a model file in a folder and proves it is the package's: its length, then its SHA-256. A file proven once
    /// is not hashed again in this process while its length and modification time stay the same.
    /// </summary>
    public static class ModelCheck
    {
        private static readonly ConcurrentDictionary<string, (long Length, long Ticks)> Proven =
            new ConcurrentDictionary<string, (long, long)>(StringComparer.Ordinal);

        /// <summary>The path of <paramref name="file"/> in <paramref name="folder"/> (default: the host's model folder).</summary>
        /// <exception cref="ModelFileException">No folder is set, or the file is missing, unreadable, truncated or damaged.</exception>
        public static string Require(ModelFile file, string? folder = null)
        {
            string path = PathOf(file, folder);
            var info = new FileInfo(path);
            CheckLength(file, path, info.Exists ? info.Length : -1);
            var stamp = (info.Length, info.LastWriteTimeUtc.Ticks);
            if (Proven.TryGetValue(path, out var known) && known == stamp) return path;
            try
            {
                using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024);
                using var sha = SHA256.Create();
                CheckHash(file, path, sha.ComputeHash(stream));
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                throw new ModelFileException(file, path, "cannot be read: " + e.Message);
            }
            Proven[path] = stamp;
            return path;
        }

        /// <summary>The content of <paramref name="file"/>, proven; for libraries that load a model from memory.</summary>
        public static byte[] ReadVerified(ModelFile file, string? folder = null)
        {
            string path = PathOf(file, folder);
            byte[] content;
            try
            {
                var info = new FileInfo(path);
                CheckLength(file, path, info.Exists ? info.Length : -1);
                content = File.ReadAllBytes(path);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                throw new ModelFileException(file, path, "cannot be read: " + e.Message);
            }
            Prove(file, path, content);
            return content;
        }

        /// <summary>Throws unless <paramref name="content"/> is <paramref name="file"/>'s, as read from <paramref name="path"/> (null: from the host).</summary>
        internal static void Prove(ModelFile file, string? path, byte[] content)
        {
            CheckLength(file, path, content.Length);
            using var sha = SHA256.Create();
            CheckHash(file, path, sha.ComputeHash(content));
        }

        private static string PathOf(ModelFile file, string? folder)
        {
            folder ??= VoiceNpcFolders.ModelFolder;
            if (string.IsNullOrEmpty(folder))
                throw new ModelFileException(file, null, "cannot be found: no model folder is set");
            return Path.Combine(folder, file.FileName);
        }

        private static void CheckLength(ModelFile file, string? path, long length)
        {
            if (length < 0) throw new ModelFileException(file, path, "was not found");
            if (length < file.Length)
                throw new ModelFileException(file, path, $"is truncated: {length} bytes of {file.Length}");
            if (length > file.Length)
                throw new ModelFileException(file, path, $"is damaged: {length} bytes, expected {file.Length}");
        }

        private static void CheckHash(ModelFile file, string? path, byte[] hash)
        {
            string actual = BitConverter.ToString(hash).Replace("-", "").ToLowerInvariant();
            if (actual != file.Sha256)
                throw new ModelFileException(file, path, $"is damaged: SHA-256 {actual}, expected {file.Sha256}");
        }
    }
}
