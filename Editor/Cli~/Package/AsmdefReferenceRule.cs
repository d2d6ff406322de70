using System;
using System.Collections.Generic;
using System.Linq;

namespace VoiceNpc.Cli.Package
{
    /// <summary>
    /// Every asmdef reference resolves inside the package or to an assembly Unity itself provides, by name or in the
    /// "GUID:..." form; every precompiledReferences entry names a DLL the package carries (or NUnit's, which the Unity
    /// Test Framework provides).
    /// </summary>
    public sealed class AsmdefReferenceRule : IPackageRule
    {
        /// <summary>
        /// Unity Test Framework, uGUI and TextMeshPro assemblies, by name and by their asmdefs' GUIDs (as Unity writes
        /// "GUID:" references). A reference to a package the project lacks is skipped by Unity; versionDefines say which exist.
        /// </summary>
        private static readonly IReadOnlyDictionary<string, string> BuiltIns = new Dictionary<string, string>
        {
            ["UnityEngine.TestRunner"] = "27619889b8ba8c24980f49ee34dbb44a",
            ["UnityEditor.TestRunner"] = "0acc523941302664db1f4e527237feb3",
            ["UnityEngine.UI"] = "2bafac87e7f4b9b418d9448d219b01ab",
            ["Unity.TextMeshPro"] = "6055be8ebefd69e48b49212b09b47b2f",
        };

        private static readonly string[] ProvidedDlls = { "nunit.framework.dll" };

        public IEnumerable<PackageFinding> Check(PackageTree tree)
        {
            var (asmdefs, problems) = AsmdefFile.All(tree);
            var names = new HashSet<string>(asmdefs.Select(a => a.Name).Concat(BuiltIns.Keys), StringComparer.Ordinal);
            var guids = new HashSet<string>(BuiltIns.Values.Concat(asmdefs.Select(a => UnityMeta.Of(tree, a.Path)?.Guid).OfType<string>()),
                StringComparer.Ordinal);
            var dlls = new HashSet<string>(tree.FilesWithExtension(".dll").Where(UnityAssetPaths.NeedsMeta).Select(UnityAssetPaths.FileName)
                .Concat(ProvidedDlls), StringComparer.OrdinalIgnoreCase);
            foreach (var p in problems) yield return p;
            foreach (var asmdef in asmdefs)
            {
                foreach (var reference in asmdef.References.Where(r => !Resolves(r, names, guids)))
                    yield return new PackageFinding(asmdef.Path,
                        $"references '{reference}', which is neither an asmdef of the package nor a Unity built-in");
                foreach (var dll in asmdef.PrecompiledReferences.Where(d => !dlls.Contains(d)))
                    yield return new PackageFinding(asmdef.Path, $"precompiledReferences lists '{dll}', which is not a DLL in the package");
            }
        }

        private static bool Resolves(string reference, HashSet<string> names, HashSet<string> guids) =>
            reference.StartsWith("GUID:", StringComparison.Ordinal) ? guids.Contains(reference.Substring(5)) : names.Contains(reference);
    }
}
