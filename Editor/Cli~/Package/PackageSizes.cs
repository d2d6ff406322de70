using System.Collections.Generic;
using System.Linq;

namespace VoiceNpc.Cli.Package
{
    /// <summary>The package's size in total and per top-level folder (files at the top count as "(top level)").</summary>
    public static class PackageSizes
    {
        public static IEnumerable<string> Lines(PackageTree tree)
        {
            var groups = tree.Files.GroupBy(f => f.Contains('/') ? f[..f.IndexOf('/')] : "(top level)")
                .Select(g => (Name: g.Key, Files: g.Count(), Bytes: g.Sum(f => (long)tree.Bytes(f).Length)))
                .OrderByDescending(g => g.Bytes).ToList();
            yield return $"total: {Size(groups.Sum(g => g.Bytes))} in {groups.Sum(g => g.Files)} files";
            foreach (var g in groups) yield return $"  {g.Name,-24} {Size(g.Bytes),10} {g.Files,5} files";
        }

        private static string Size(long bytes) => bytes >= 1 << 20 ? $"{bytes / 1048576.0:0.0} MiB" : $"{bytes / 1024.0:0.0} KiB";
    }
}
