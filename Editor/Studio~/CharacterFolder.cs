using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using VoiceNpc.Authoring;
using VoiceNpc.Characters;

namespace VoiceNpc.Studio
{
    /// <summary>
    /// The character files the studio may touch: *.character.json directly in one folder, by file name only (no paths
    /// from the browser). A file that is a link is followed only when its real path (every link resolved) stays in
    /// the folder; the real folder is what is compared, so the folder may itself be reached through a link.
    /// </summary>
    internal sealed class CharacterFolder
    {
        private static readonly Regex SafeName = new Regex(@"^[A-Za-z0-9_.-]+\.character\.json$");
        private static readonly StringComparison PathComparison = OperatingSystem.IsLinux() ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase;

        public CharacterFolder(string folder) => Folder = RealPath.Of(Path.GetFullPath(folder));

        /// <summary>The folder's real path.</summary>
        public string Folder { get; }

        public IEnumerable<string> Names() =>
            Directory.GetFiles(Folder, "*" + CharacterLoader.FileSuffix).Select(Path.GetFileName)
                .Where(n => n != null && SafeName.IsMatch(n) && IsInside(RealPath.Of(Path.Combine(Folder, n)))).OrderBy(n => n, StringComparer.Ordinal)!;

        /// <summary>The real path of <paramref name="name"/>, or null when it is not a plain character file name.</summary>
        /// <exception cref="StudioRefusalException">The name is a link whose target is outside the folder.</exception>
        public string? PathOf(string name)
        {
            if (!SafeName.IsMatch(name)) return null;
            string real = RealPath.Of(Path.Combine(Folder, name));
            if (!IsInside(real)) throw new StudioRefusalException($"{name} is a link to a file outside the studio's folder {Folder}; the studio does not follow it");
            return real;
        }

        public CharacterDocument? Open(string name) => PathOf(name) is string path && File.Exists(path) ? CharacterDocument.Open(path) : null;

        private bool IsInside(string realPath) => realPath.StartsWith(Path.TrimEndingDirectorySeparator(Folder) + Path.DirectorySeparatorChar, PathComparison);
    }
}
