using System;
using System.Collections.Generic;
using System.Linq;

namespace VoiceNpc.Cli.Package
{
    /// <summary>
    /// Nothing compilable Unity should not compile: a .cs outside every asmdef folder (it would land in the game's
    /// Assembly-CSharp), project files (csproj, sln) and tool folders ('~' folders with code, other than Samples~ and
    /// Documentation~). A '~' folder of test data beside its tests holds no code and is allowed.
    /// </summary>
    public sealed class CompilableRule : IPackageRule
    {
        private static readonly string[] ProjectFiles = { ".csproj", ".sln", ".props", ".targets" };
        private static readonly string[] ToolFiles = { ".cs", ".csproj", ".sln", ".js", ".mjs", ".ts", ".py", ".sh", ".dll", ".so", ".exe",
            ".asmdef" };

        public IEnumerable<PackageFinding> Check(PackageTree tree)
        {
            var asmdefFolders = new HashSet<string>(tree.Files.Where(f => UnityAssetPaths.Extension(f) is ".asmdef" or ".asmref")
                .Select(f => UnityAssetPaths.Parents(f).LastOrDefault() ?? ""), StringComparer.Ordinal);
            foreach (var cs in tree.FilesWithExtension(".cs").Where(UnityAssetPaths.NeedsMeta).Where(f => !InSamples(f)))
                if (!UnityAssetPaths.Parents(cs).Prepend("").Any(asmdefFolders.Contains))
                    yield return new PackageFinding(cs, "is in no asmdef's folder: Unity would compile it into the game's Assembly-CSharp");
            foreach (var project in tree.Files.Where(f => ProjectFiles.Contains(UnityAssetPaths.Extension(f))))
                yield return new PackageFinding(project, "is a build project file; Unity ignores it and the package must not carry it");
            foreach (var folder in ToolFolders(tree))
                yield return new PackageFinding(folder, "is a '~' tool folder (it holds code Unity never compiles): leave it out of the package");
        }

        private static IEnumerable<string> ToolFolders(PackageTree tree) =>
            tree.Folders.Where(f => f.EndsWith("~", StringComparison.Ordinal) && f != UnityAssetPaths.Samples && f != UnityAssetPaths.Documentation)
                .Where(f => tree.Files.Any(file => file.StartsWith(f + "/", StringComparison.Ordinal)
                    && ToolFiles.Contains(UnityAssetPaths.Extension(file))));

        private static bool InSamples(string path) => path.StartsWith(UnityAssetPaths.Samples + "/", StringComparison.Ordinal);
    }
}
