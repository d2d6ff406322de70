using System;
using System.Collections.Generic;
using System.IO;
using System.Runtime.InteropServices;

namespace VoiceNpc.Storage
{
    /// <summary>
    /// Replaces a file so that a crash at any moment leaves either the old content or the new, whole: write a temp file
    /// in the same folder, flush it to disk, keep the old file as "*.bak" (a hard link, no copy), rename the temp over
    /// the file (atomic), flush the folder. Writers racing on one file each rename a whole file; the last one wins.
    /// </summary>
    public static class AtomicFile
    {
        private const string TempSuffix = ".tmp";
        private static readonly bool IsWindows = RuntimeInformation.IsOSPlatform(OSPlatform.Windows);

        // A player may not resolve "libc" (IL2CPP has no dllmap, and libc.so is a linker script): saves then take the
        // managed replace, which .NET and Mono also implement with rename(2), atomic but without the folder fsync.
        private static volatile bool _posixCalls = true;

        /// <summary>Whether saves use the POSIX calls; false once they failed to load (tests set it to take the other path).</summary>
        internal static bool PosixCalls
        {
            get => _posixCalls;
            set => _posixCalls = value;
        }

        public static string BackupOf(string path) => path + ".bak";

        /// <summary>
        /// Removes temp files that writes of <paramref name="path"/> left behind (a process killed mid-save), each a whole
        /// or partial copy of the content. With <paramref name="olderThan"/>, only those untouched that long (a younger
        /// one may be another process's write in progress); without, all of them. Returns the files removed.
        /// </summary>
        public static IReadOnlyList<string> RemoveTemps(string path, TimeSpan? olderThan)
        {
            string full = Path.GetFullPath(path);
            string folder = Path.GetDirectoryName(full)!;
            var removed = new List<string>();
            string prefix = TempPrefix(full);
            string[] temps;
            try { temps = Directory.GetFiles(folder, prefix + "*" + TempSuffix); }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException) { return removed; }   // no folder, or not ours to list
            foreach (var temp in temps)
            {
                string guid = Path.GetFileName(temp).Substring(prefix.Length);
                guid = guid.Substring(0, guid.Length - TempSuffix.Length);
                if (guid.Length != 32 || !Guid.TryParseExact(guid, "N", out _)) continue;   // not one of ours
                try
                {
                    if (olderThan is TimeSpan age && DateTime.UtcNow - File.GetLastWriteTimeUtc(temp) < age) continue;
                    File.Delete(temp);
                    removed.Add(temp);
                }
                catch (Exception e) when (e is IOException || e is UnauthorizedAccessException) { }   // in use or already gone: left for later
            }
            return removed;
        }

        /// <summary>Temp files are ".NAME.GUID.tmp" beside the file: hidden, and never taken for a save.</summary>
        private static string TempPrefix(string full) => $".{Path.GetFileName(full)}.";

        /// <param name="keepBackup">Keep the replaced content as "*.bak" (saves); caches do without.</param>
        public static void Write(string path, byte[] content, bool keepBackup = true)
        {
            string full = Path.GetFullPath(path);
            string folder = Path.GetDirectoryName(full)!;
            Directory.CreateDirectory(folder);
            string temp = Path.Combine(folder, $"{TempPrefix(full)}{Guid.NewGuid():N}{TempSuffix}");
            try
            {
                using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
                {
                    stream.Write(content, 0, content.Length);
                    stream.Flush(flushToDisk: true);
                }
                if (IsWindows || !PosixCalls) ReplaceManaged(temp, full, keepBackup);
                else ReplacePosixOrManaged(temp, full, folder, keepBackup);
            }
            catch
            {
                try { File.Delete(temp); } catch (IOException) { }
                throw;
            }
        }

        private static void ReplacePosixOrManaged(string temp, string path, string folder, bool keepBackup)
        {
            try
            {
                ReplaceOnPosix(temp, path, folder, keepBackup);
            }
            catch (Exception e) when (Native.NativeLoad.IsLoadFailure(e))
            {
                PosixCalls = false;
                ReplaceManaged(temp, path, keepBackup);
            }
        }

        private static void ReplaceOnPosix(string temp, string path, string folder, bool keepBackup)
        {
            if (keepBackup && File.Exists(path))
            {
                // Another writer may make the link first; either way the backup is a whole earlier state.
                PosixFiles.Unlink(BackupOf(path));
                PosixFiles.Link(path, BackupOf(path));
            }
            if (PosixFiles.Rename(temp, path) != 0)
                throw new IOException($"could not rename {temp} over {path} (errno {Marshal.GetLastWin32Error()})");
            int descriptor = PosixFiles.Open(folder, 0);
            if (descriptor < 0) return;
            PosixFiles.Fsync(descriptor);
            PosixFiles.Close(descriptor);
        }

        private static void ReplaceManaged(string temp, string path, bool keepBackup)
        {
            for (int attempt = 0; ; attempt++)
            {
                try
                {
                    if (File.Exists(path)) File.Replace(temp, path, keepBackup ? BackupOf(path) : null, ignoreMetadataErrors: true);
                    else File.Move(temp, path);
                    return;
                }
                catch (IOException) when (attempt < 5)
                {
                    // A racing writer holds the file for an instant.
                }
            }
        }
    }
}
