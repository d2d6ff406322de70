using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text.RegularExpressions;

namespace VoiceNpc.Tools.UnityCompile
{
    /// <summary>
    /// The managed DLLs the package ships. Unity matches precompiledReferences by file name, refuses two DLLs of one
    /// name, references a DLL from every asmdef without overrideReferences unless its .meta says
    /// isExplicitlyReferenced, and fails to load a DLL whose own references do not resolve.
    /// </summary>
    internal sealed class PrecompiledPlugins
    {
        private readonly Dictionary<string, string> _byFile;
        private readonly HashSet<string> _explicit;

        public PrecompiledPlugins(IEnumerable<string> dlls, ICollection<string> frameworkAssemblies, List<string> problems)
        {
            var all = dlls.ToList();
            foreach (var same in all.GroupBy(Path.GetFileName, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
                problems.Add($"{same.Key} is shipped {same.Count()} times: {string.Join(", ", same)}");
            _byFile = all.GroupBy(Path.GetFileName, StringComparer.OrdinalIgnoreCase)
                .ToDictionary(g => g.Key!, g => g.First(), StringComparer.OrdinalIgnoreCase);
            _explicit = new HashSet<string>(all.Where(IsExplicitlyReferenced).Select(Path.GetFileName)!, StringComparer.OrdinalIgnoreCase);
            var names = new HashSet<string>(_byFile.Keys.Select(Path.GetFileNameWithoutExtension)!, StringComparer.OrdinalIgnoreCase);
            foreach (string dll in all) CheckReferences(dll, names, frameworkAssemblies, problems);
        }

        /// <summary>The DLL a precompiledReferences entry names, or null.</summary>
        public string? Find(string fileName) => _byFile.TryGetValue(fileName, out var path) ? path : null;

        /// <summary>What an asmdef without overrideReferences gets: every DLL not marked isExplicitlyReferenced.</summary>
        public IEnumerable<string> AutoReferenced => _byFile.Where(p => !_explicit.Contains(p.Key)).Select(p => p.Value);

        private static bool IsExplicitlyReferenced(string dll)
        {
            string meta = dll + ".meta";
            return File.Exists(meta) && Regex.IsMatch(File.ReadAllText(meta), @"^\s*isExplicitlyReferenced: *1\s*$", RegexOptions.Multiline);
        }

        private static void CheckReferences(string dll, ICollection<string> shipped, ICollection<string> framework, List<string> problems)
        {
            using var pe = new PEReader(File.OpenRead(dll));
            var metadata = pe.GetMetadataReader();
            string name = metadata.GetString(metadata.GetAssemblyDefinition().Name);
            if (!string.Equals(name + ".dll", Path.GetFileName(dll), StringComparison.Ordinal))
                problems.Add($"{dll}: its assembly is named {name}, not after its file");
            foreach (var handle in metadata.AssemblyReferences)
            {
                string reference = metadata.GetString(metadata.GetAssemblyReference(handle).Name);
                if (!shipped.Contains(reference) && !framework.Contains(reference))
                    problems.Add($"{dll}: references {reference}, which neither the package nor Unity's .NET Standard 2.1 profile has");
            }
        }
    }
}
