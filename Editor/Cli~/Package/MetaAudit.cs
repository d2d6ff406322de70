using System;
using System.Collections.Generic;
using System.Linq;

namespace VoiceNpc.Cli.Package
{
    /// <summary>
    /// The .meta rules: every imported file and folder has one, none is orphaned, each parses, carries a well-formed
    /// GUID no other meta has, and names the importer Unity uses for that kind of file.
    /// </summary>
    public sealed class MetaAudit : IPackageRule
    {
        public const string Fix = "run `voicenpc package metas --write`";

        public IEnumerable<PackageFinding> Check(PackageTree tree) =>
            Missing(tree).Concat(Orphans(tree)).Concat(Contents(tree));

        /// <summary>Imported files and folders without a .meta (Unity ignores such an asset of an immutable package).</summary>
        public static IEnumerable<PackageFinding> Missing(PackageTree tree) =>
            PackageAssets.NeedingMetas(tree).Where(a => !tree.HasFile(a.Path + ".meta"))
                .Select(a => new PackageFinding(a.Path, $"has no .meta, so Unity ignores this {(a.IsFolder ? "folder" : "file")}: {Fix}"));

        private static IEnumerable<PackageFinding> Orphans(PackageTree tree) =>
            Metas(tree).Where(m => UnityAssetPaths.NeedsMeta(UnityAssetPaths.AssetOf(m)) && !tree.Exists(UnityAssetPaths.AssetOf(m)))
                .Select(m => new PackageFinding(m, $"is orphaned: there is no {UnityAssetPaths.AssetOf(m)} beside it (delete it, or add the asset)"));

        private static IEnumerable<PackageFinding> Contents(PackageTree tree)
        {
            var owners = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var path in Metas(tree).Where(m => UnityAssetPaths.NeedsMeta(UnityAssetPaths.AssetOf(m))))
            {
                var (meta, unreadable) = Parse(tree.Text(path));
                if (meta == null) { yield return new PackageFinding(path, unreadable!); continue; }
                if (meta.Guid == null || !MetaGuid.IsWellFormed(meta.Guid))
                    yield return new PackageFinding(path, $"guid '{meta.Guid}' is not 32 lowercase hex digits");
                else if (owners.TryGetValue(meta.Guid, out var owner))
                    yield return new PackageFinding(path, $"guid {meta.Guid} is also the guid of {owner}: Unity keeps only one of them");
                else owners.Add(meta.Guid, path);
                var wrong = WrongImporter(tree, UnityAssetPaths.AssetOf(path), meta);
                if (wrong != null) yield return new PackageFinding(path, wrong);
            }
        }

        private static (UnityMeta? Meta, string? Problem) Parse(string text)
        {
            try { return (UnityMeta.Parse(text), null); }
            catch (FormatException e) { return (null, e.Message); }
        }

        private static string? WrongImporter(PackageTree tree, string asset, UnityMeta meta)
        {
            var kind = MetaKinds.For(asset, tree.Folders.Contains(asset));
            string expected = kind == null ? "PluginImporter" : MetaKinds.Importer(kind.Value);
            return meta.Importer == expected ? null : $"names {meta.Importer ?? "no importer"}; a {Describe(asset, kind)} needs {expected}";
        }

        private static string Describe(string asset, MetaKind? kind) =>
            kind == MetaKind.Folder ? "folder" : asset == "package.json" ? "package manifest" : $"'{UnityAssetPaths.Extension(asset)}' file";

        private static IEnumerable<string> Metas(PackageTree tree) => tree.Files.Where(UnityAssetPaths.IsMeta);
    }
}
