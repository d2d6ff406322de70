using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace VoiceNpc.Studio
{
    /// <summary>
    /// A path with every symbolic link (or junction) in it resolved, folders as well as the file, the way the system
    /// opens it; ".." is applied to the resolved folder, as the system does. Segments that do not exist are kept as given.
    /// </summary>
    internal static class RealPath
    {
        private const int MaxLinks = 40;
        private static readonly char[] Separators = { Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar };

        public static string Of(string path)
        {
            string absolute = Path.IsPathRooted(path) ? path : Path.Combine(Directory.GetCurrentDirectory(), path);
            string current = Path.GetPathRoot(absolute)!;
            var pending = new Stack<string>();
            Push(pending, absolute.Substring(current.Length));
            int links = 0;
            while (pending.Count > 0)
            {
                string segment = pending.Pop();
                if (segment == ".") continue;
                if (segment == "..") { current = Path.GetDirectoryName(current) ?? current; continue; }
                string next = Path.Combine(current, segment);
                FileSystemInfo entry = Directory.Exists(next) ? new DirectoryInfo(next) : new FileInfo(next);
                string? target = entry.LinkTarget;
                if (target == null) { current = next; continue; }
                if (++links > MaxLinks) throw new IOException($"{path}: too many levels of symbolic links");
                if (Path.IsPathRooted(target))
                {
                    current = Path.GetPathRoot(target)!;
                    target = target.Substring(current.Length);
                }
                Push(pending, target);
            }
            return current;
        }

        private static void Push(Stack<string> pending, string relative)
        {
            foreach (var segment in relative.Split(Separators, System.StringSplitOptions.RemoveEmptyEntries).Reverse()) pending.Push(segment);
        }
    }
}
