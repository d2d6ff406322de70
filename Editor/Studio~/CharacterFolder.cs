using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using VoiceNpc.Authoring;
using VoiceNpc.Characters;

namespace VoiceNpc.Studio
{
    /// <summary>The character files the studio may touch: *.character.json directly in one folder, by file name only (no paths from the browser).</summary>
    internal sealed class CharacterFolder
    {
        private static readonly Regex SafeName = new Regex(@"^[A-Za-z0-9_.-]+\.character\.json$");

        public CharacterFolder(string folder) => Folder = Path.GetFullPath(folder);

        public string Folder { get; }

        public IEnumerable<string> Names() =>
            Directory.GetFiles(Folder, "*" + CharacterLoader.FileSuffix).Select(Path.GetFileName).Where(n => n != null && SafeName.IsMatch(n)).OrderBy(n => n)!;

        /// <summary>The full path of <paramref name="name"/>, or null when it is not a plain character file name.</summary>
        public string? PathOf(string name) => SafeName.IsMatch(name) ? Path.Combine(Folder, name) : null;

        public CharacterDocument? Open(string name) => PathOf(name) is string path && File.Exists(path) ? CharacterDocument.Open(path) : null;
    }
}
