using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace VoiceNpc.Cli.Package
{
    /// <summary>
    /// Writes the metas the package's files and folders lack, with <see cref="MetaGuid"/> GUIDs and the importer of
    /// their kind. An existing meta is never touched, so a GUID, once committed, stays.
    /// </summary>
    public static class MetaGenerator
    {
        /// <summary>The metas to write (or written, with <paramref name="write"/>), and the files no template fits.</summary>
        public static (IReadOnlyList<string> Metas, IReadOnlyList<PackageFinding> Untemplated) Run(PackageSource source, bool write)
        {
            string name = PackageManifest.Read(File.ReadAllText(source.FullPath("package.json")), "package.json").Name;
            var tree = source.Tree();
            var metas = new List<string>();
            var untemplated = new List<PackageFinding>();
            foreach (var (path, isFolder) in PackageAssets.NeedingMetas(tree).Where(a => !tree.HasFile(a.Path + ".meta")))
            {
                var kind = MetaKinds.For(path, isFolder);
                if (kind == null)
                {
                    untemplated.Add(new PackageFinding(path,
                        "has no .meta and no template fits it (a native .dll?): write its PluginImporter by hand"));
                    continue;
                }
                metas.Add(path + ".meta");
                if (write) WriteNew(source.FullPath(path + ".meta"), MetaTemplates.For(kind.Value, MetaGuid.For(name, path)));
            }
            return (metas, untemplated);
        }

        /// <summary>Creates the file, and fails rather than overwrite one that appeared meanwhile: a committed GUID never changes.</summary>
        private static void WriteNew(string path, string text)
        {
            using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
            using var writer = new StreamWriter(file);
            writer.Write(text);
        }
    }
}
