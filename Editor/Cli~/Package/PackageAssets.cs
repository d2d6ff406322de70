using System.Collections.Generic;
using System.Linq;

namespace VoiceNpc.Cli.Package
{
    /// <summary>The files and folders of a package that Unity imports, each of which needs a <c>.meta</c> beside it.</summary>
    public static class PackageAssets
    {
        public static IEnumerable<(string Path, bool IsFolder)> NeedingMetas(PackageTree tree) =>
            tree.Folders.Where(UnityAssetPaths.NeedsMeta).Select(f => (f, true))
                .Concat(tree.Files.Where(UnityAssetPaths.NeedsMeta).Select(f => (f, false)))
                .OrderBy(a => a.Item1, System.StringComparer.Ordinal);
    }
}
