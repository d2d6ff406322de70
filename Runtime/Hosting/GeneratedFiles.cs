using System;
using System.IO;

namespace VoiceNpc.Hosting
{
    /// <summary>
    /// Generated files live in folders named by a hash of their inputs, so the same inputs reuse them. Each use touches
    /// its folder; a sweep removes the folders no one has used for <see cref="UnusedLimit"/> and the staging folders a
    /// killed build left (".tmp-" in the name) after <see cref="StagingLimit"/>.
    /// </summary>
    public static class GeneratedFiles
    {
        public static readonly TimeSpan UnusedLimit = TimeSpan.FromDays(30);

        public static readonly TimeSpan StagingLimit = TimeSpan.FromHours(1);

        /// <summary>Marks <paramref name="folder"/> used now; false when it does not exist (yet).</summary>
        public static bool MarkUsed(string folder)
        {
            try
            {
                Directory.SetLastWriteTimeUtc(folder, DateTime.UtcNow);
                return true;
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                return false;
            }
        }

        /// <summary>Removes stale folders under <paramref name="parent"/>; one that cannot be removed now waits for the next sweep.</summary>
        public static void Sweep(string parent, DateTime nowUtc)
        {
            if (!Directory.Exists(parent)) return;
            foreach (string folder in Directory.EnumerateDirectories(parent))
            {
                var limit = Path.GetFileName(folder).Contains(".tmp-") ? StagingLimit : UnusedLimit;
                try
                {
                    if (nowUtc - Directory.GetLastWriteTimeUtc(folder) > limit) Directory.Delete(folder, recursive: true);
                }
                catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
                {
                    // In use or not ours to remove: left for a later sweep.
                }
            }
        }
    }
}
