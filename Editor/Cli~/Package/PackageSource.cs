using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace VoiceNpc.Cli.Package
{
    /// <summary>
    /// What of the repository goes into the package, read from disk after a build (binaries and models are build output,
    /// their metas are committed): the manifest and the documents beside it; Runtime, the engine-free authoring library and its editor-only DLLs,
    /// the Unity editor code, the Unity-valid runtime tests and the Unity Test Framework tests (what Unity compiles);
    /// Samples~ (copied into Assets/ on
    /// request); Documentation~ (the Package Manager's documentation link); the NativeAudio C sources (the plugin's source,
    /// excluded from every platform by their metas). Left out: project files (csproj, sln), build folders (bin, obj),
    /// hidden files and the tool folders (Cli~, Studio~, FakeCloud~, EndToEnd~, ...) Unity never loads.
    /// </summary>
    public sealed class PackageSource
    {
        public static readonly string[] TopFiles = { "package.json", "README.md", "CHANGELOG.md", "LICENSE.md", "Third Party Notices.md" };

        public static readonly string[] Folders =
        {
            UnityAssetPaths.Documentation, "Runtime", "Editor/Authoring", "Editor/Plugins", "Editor/Unity", "Tests/Runtime", "Tests/Unity",
            UnityAssetPaths.Samples, "NativeAudio",
        };

        /// <summary>Folders whose files are build output: a committed meta there may wait for a build instead of being an orphan.</summary>
        public static readonly string[] BuildOutput = { "Runtime/Plugins", "Runtime/Resources/VoiceNpcModels", "Editor/Plugins" };

        private static readonly string[] ProjectFiles = { ".csproj", ".sln" };

        private PackageSource(string root, IReadOnlyList<string> files, IReadOnlyList<string> unbuilt)
        {
            Root = root;
            Files = files;
            Unbuilt = unbuilt;
        }

        public string Root { get; }

        /// <summary>Every file of the package, relative with '/', in ordinal order.</summary>
        public IReadOnlyList<string> Files { get; }

        /// <summary>Committed metas of build output that is not on disk (not built yet): left out of the package.</summary>
        public IReadOnlyList<string> Unbuilt { get; }

        public string FullPath(string path) => Path.Combine(Root, path);

        public static PackageSource Read(string root)
        {
            if (!File.Exists(Path.Combine(root, "package.json")))
                throw new PackageException($"{root} is not the package's folder: it has no package.json");
            var all = TopFiles.Concat(TopFiles.Select(f => f + ".meta")).Concat(FolderMetas()).Where(f => File.Exists(Path.Combine(root, f)))
                .Concat(Folders.Where(f => Directory.Exists(Path.Combine(root, f))).SelectMany(f => Walk(root, f)))
                .Distinct().OrderBy(f => f, StringComparer.Ordinal).ToList();
            var assets = all.Where(f => !UnityAssetPaths.IsMeta(f)).ToList();
            var present = new HashSet<string>(assets.Concat(assets.SelectMany(UnityAssetPaths.Parents)), StringComparer.Ordinal);
            bool Unbuilt(string f) => UnityAssetPaths.IsMeta(f) && IsBuildOutput(UnityAssetPaths.AssetOf(f))
                && !present.Contains(UnityAssetPaths.AssetOf(f));
            return new PackageSource(root, all.Where(f => !Unbuilt(f)).ToList(), all.Where(Unbuilt).ToList());
        }

        private static bool IsBuildOutput(string asset) => BuildOutput.Any(o => asset == o || asset.StartsWith(o + "/", StringComparison.Ordinal));

        public PackageTree Tree() => new PackageTree(Files.Select(f => KeyValuePair.Create(f, File.ReadAllBytes(FullPath(f)))));

        /// <summary>The metas of the package's folders and of the folders above them ("Editor.meta", "Editor/Unity.meta").</summary>
        private static IEnumerable<string> FolderMetas() =>
            Folders.SelectMany(f => UnityAssetPaths.Parents(f).Append(f)).Select(f => f + ".meta");

        private static IEnumerable<string> Walk(string root, string folder)
        {
            foreach (var entry in new DirectoryInfo(Path.Combine(root, folder)).EnumerateFileSystemInfos())
            {
                string path = folder + "/" + entry.Name;
                if (entry.Name.StartsWith(".", StringComparison.Ordinal)) continue;
                if (entry is DirectoryInfo)
                {
                    if (entry.Name is "bin" or "obj") continue;
                    foreach (var f in Walk(root, path)) yield return f;
                }
                else if (!ProjectFiles.Contains(UnityAssetPaths.Extension(entry.Name))) yield return path;
            }
        }
    }
}
