using System;
using System.Collections.Generic;
using System.Linq;

namespace VoiceNpc.Cli.Package
{
    /// <summary>
    /// No two assemblies of the package share a name: asmdef names, managed DLL assembly names (from their metadata,
    /// which is what Unity resolves by) and DLL file names. Unity refuses a second assembly of a name it has.
    /// </summary>
    public sealed class AssemblyNameRule : IPackageRule
    {
        public IEnumerable<PackageFinding> Check(PackageTree tree)
        {
            var owners = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var (path, name, what) in Assemblies(tree))
            {
                if (owners.TryGetValue(name, out var owner))
                    yield return new PackageFinding(path,
                        $"{what} '{name}' is also the assembly name of {owner}: Unity refuses two assemblies of one name");
                else owners.Add(name, path);
            }
        }

        private static IEnumerable<(string Path, string Name, string What)> Assemblies(PackageTree tree)
        {
            foreach (var asmdef in AsmdefFile.All(tree).Files) yield return (asmdef.Path, asmdef.Name, "asmdef name");
            foreach (var dll in tree.FilesWithExtension(".dll").Where(UnityAssetPaths.NeedsMeta))
            {
                string? name;
                try { name = ManagedAssembly.NameOf(tree.Bytes(dll)); }
                catch (FormatException) { continue; } // PluginPlatformRule names a DLL that is no PE image
                string file = UnityAssetPaths.FileName(dll)[..^".dll".Length];
                if (name != null) yield return (dll, name, "assembly name");
                if (!string.Equals(file, name, StringComparison.OrdinalIgnoreCase)) yield return (dll, file, "file name");
            }
        }
    }
}
