using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace VoiceNpc.Tools.UnityCompile
{
    /// <summary>
    /// What Unity sees in the package folder: its asmdefs, each with the C# files it owns (those under its folder that
    /// no deeper asmdef owns), and its precompiled DLLs. Unity skips hidden names (".x"), names ending in "~", "cvs"
    /// and "*.tmp", and everything below them. The package's Samples~ is read as Unity reads a sample the user has
    /// imported (Package Manager copies it into Assets/Samples/): its code must compile too.
    /// </summary>
    internal sealed class PackageLayout
    {
        private PackageLayout(IReadOnlyList<AsmDef> asmdefs, IReadOnlyDictionary<AsmDef, string[]> sources, IReadOnlyList<string> dlls)
        {
            AsmDefs = asmdefs;
            Sources = sources;
            Dlls = dlls;
        }

        public IReadOnlyList<AsmDef> AsmDefs { get; }
        public IReadOnlyDictionary<AsmDef, string[]> Sources { get; }
        public IReadOnlyList<string> Dlls { get; }

        public static PackageLayout Read(string root, List<string> problems)
        {
            string samples = Path.Combine(root, "Samples~");
            var files = Imported(root).Concat(Directory.Exists(samples) ? Imported(samples) : Enumerable.Empty<string>()).ToList();
            var asmdefs = files.Where(f => f.EndsWith(".asmdef", StringComparison.Ordinal)).Select(f => AsmDef.Read(f, problems)).ToList();
            foreach (var folder in asmdefs.GroupBy(a => a.Folder).Where(g => g.Count() > 1))
                problems.Add($"{folder.Key}: Unity takes one asmdef per folder, found {folder.Count()}");
            foreach (var name in asmdefs.GroupBy(a => a.Name).Where(g => g.Count() > 1))
                problems.Add($"assembly name {name.Key} is defined by {string.Join(", ", name.Select(a => a.Path))}");
            var owned = new Dictionary<AsmDef, List<string>>();
            foreach (var asmdef in asmdefs) owned[asmdef] = new List<string>();
            foreach (string source in files.Where(f => f.EndsWith(".cs", StringComparison.Ordinal)))
            {
                var owner = asmdefs.Where(a => source.StartsWith(a.Folder + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                    .OrderByDescending(a => a.Folder.Length).FirstOrDefault();
                if (owner == null) problems.Add($"{source}: no asmdef owns it (Unity would not compile it inside a package)");
                else owned[owner].Add(source);
            }
            var dlls = files.Where(f => f.EndsWith(".dll", StringComparison.OrdinalIgnoreCase)).ToList();
            return new PackageLayout(asmdefs, owned.ToDictionary(p => p.Key, p => p.Value.OrderBy(s => s, StringComparer.Ordinal).ToArray()), dlls);
        }

        /// <summary>The asmdef an asmdef's reference names: "Name" or "GUID:guid" (the guid of the asmdef's .meta).</summary>
        public AsmDef? Resolve(string reference)
        {
            if (!reference.StartsWith("GUID:", StringComparison.Ordinal)) return AsmDefs.FirstOrDefault(a => a.Name == reference);
            string guid = reference.Substring("GUID:".Length);
            return AsmDefs.FirstOrDefault(a => MetaGuid(a.Path) == guid);
        }

        private static string? MetaGuid(string asset)
        {
            string meta = asset + ".meta";
            if (!File.Exists(meta)) return null;
            var match = Regex.Match(File.ReadAllText(meta), @"^guid: *([0-9a-f]{32})", RegexOptions.Multiline);
            return match.Success ? match.Groups[1].Value : null;
        }

        private static IEnumerable<string> Imported(string folder)
        {
            foreach (string entry in Directory.EnumerateFileSystemEntries(folder).OrderBy(e => e, StringComparer.Ordinal))
            {
                string name = Path.GetFileName(entry);
                if (name.StartsWith('.') || name.EndsWith('~') || name.Equals("cvs", StringComparison.OrdinalIgnoreCase) ||
                    name.EndsWith(".tmp", StringComparison.OrdinalIgnoreCase)) continue;
                if (Directory.Exists(entry))
                {
                    foreach (string file in Imported(entry)) yield return file;
                }
                else yield return entry;
            }
        }
    }
}
