using System;

namespace VoiceNpc.Cli.Package
{
    /// <summary>Which <see cref="MetaKind"/> a package path gets, and the importer Unity names in its <c>.meta</c>.</summary>
    public static class MetaKinds
    {
        /// <summary>The kind for a file or folder, or null for a file no template fits (its .meta is written by hand).</summary>
        public static MetaKind? For(string path, bool isFolder)
        {
            if (isFolder) return MetaKind.Folder;
            if (path == "package.json") return MetaKind.PackageManifest;
            switch (UnityAssetPaths.Extension(path))
            {
                case ".cs": return MetaKind.MonoScript;
                case ".asmdef": return MetaKind.AssemblyDefinition;
                case ".json": case ".md": case ".txt": case ".bytes": case ".xml": case ".csv": case ".yaml": return MetaKind.TextAsset;
                case ".c": case ".h": case ".cpp": case ".cc": case ".hpp": return MetaKind.SourcePlugin;
                case ".so": return MetaKind.NativeLinux64Plugin;
                case ".dll": return ManagedKind(path);
                case ".a": case ".dylib": case ".bundle": return null;
                case ".wav": case ".ogg": case ".mp3": return MetaKind.Audio;
                default: return MetaKind.Default;
            }
        }

        private static MetaKind? ManagedKind(string path)
        {
            if (path.StartsWith("Editor/Plugins/Managed/", StringComparison.Ordinal)) return MetaKind.EditorManagedPlugin;
            return path.Contains("/Plugins/Managed/", StringComparison.Ordinal) ? MetaKind.ManagedPlugin : null;
        }

        /// <summary>The importer's YAML key, as Unity writes it on the third line of the .meta.</summary>
        public static string Importer(MetaKind kind) => kind switch
        {
            MetaKind.Folder or MetaKind.Default => "DefaultImporter",
            MetaKind.PackageManifest => "PackageManifestImporter",
            MetaKind.MonoScript => "MonoImporter",
            MetaKind.AssemblyDefinition => "AssemblyDefinitionImporter",
            MetaKind.TextAsset => "TextScriptImporter",
            MetaKind.Audio => "AudioImporter",
            _ => "PluginImporter",
        };
    }
}
