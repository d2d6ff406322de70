using System;

namespace VoiceNpc.Cli.Package
{
    /// <summary>
    /// The text of a <c>.meta</c> per <see cref="MetaKind"/>, as Unity 2022.3 writes them (compared with the metas of
    /// whisper.unity and com.unity.webrtc; the two plugin kinds are the settings the package's first metas carried).
    /// Trailing spaces after "userData:" and the like are Unity's own.
    /// </summary>
    public static class MetaTemplates
    {
        public static string For(MetaKind kind, string guid) => $"fileFormatVersion: 2\nguid: {guid}\n" + Body(kind) + Tail;

        private const string Tail = "  userData: \n  assetBundleName: \n  assetBundleVariant: \n";

        private static string Body(MetaKind kind) => kind switch
        {
            MetaKind.Folder => "folderAsset: yes\nDefaultImporter:\n  externalObjects: {}\n",
            MetaKind.Default => "DefaultImporter:\n  externalObjects: {}\n",
            MetaKind.PackageManifest => "PackageManifestImporter:\n  externalObjects: {}\n",
            MetaKind.AssemblyDefinition => "AssemblyDefinitionImporter:\n  externalObjects: {}\n",
            MetaKind.TextAsset => "TextScriptImporter:\n  externalObjects: {}\n",
            MetaKind.MonoScript => """
                MonoImporter:
                  externalObjects: {}
                  serializedVersion: 2
                  defaultReferences: []
                  executionOrder: 0
                  icon: {instanceID: 0}

                """,
            MetaKind.Audio => """
                AudioImporter:
                  externalObjects: {}
                  serializedVersion: 6
                  defaultSettings:
                    loadType: 0
                    sampleRateSetting: 0
                    sampleRateOverride: 44100
                    compressionFormat: 1
                    quality: 1
                    conversionMode: 0
                  platformSettingOverrides: {}
                  forceToMono: 0
                  normalize: 1
                  preloadAudioData: 1
                  loadInBackground: 0
                  ambisonic: 0
                  3D: 1

                """,
            MetaKind.SourcePlugin => PluginHead(explicitReference: false)
                + Platform("Any: ", false, "Exclude Android: 1", "Exclude Editor: 1", "Exclude Linux64: 1", "Exclude OSXUniversal: 1",
                    "Exclude WebGL: 1", "Exclude Win: 1", "Exclude Win64: 1", "Exclude iOS: 1")
                + Platform("Editor: Editor", false, "DefaultValueInitialized: true"),
            MetaKind.NativeLinux64Plugin => PluginHead(explicitReference: false)
                + Platform("Any: ", false)
                + Platform("Editor: Editor", true, "CPU: x86_64", "DefaultValueInitialized: true", "OS: Linux")
                + Platform("Standalone: Linux64", true, "CPU: x86_64"),
            MetaKind.EditorManagedPlugin => PluginHead(explicitReference: true)
                + Platform("Any: ", false, "Exclude Android: 1", "Exclude Editor: 0", "Exclude Linux64: 1", "Exclude OSXUniversal: 1",
                    "Exclude WebGL: 1", "Exclude Win: 1", "Exclude Win64: 1", "Exclude iOS: 1")
                + Platform("Editor: Editor", true, "CPU: AnyCPU", "DefaultValueInitialized: true", "OS: AnyOS"),
            _ => PluginHead(explicitReference: true)
                + Platform("Any: ", true)
                + Platform("Editor: Editor", false, "DefaultValueInitialized: true"),
        };

        /// <summary>One platformData entry; "Any: " keeps the trailing space Unity writes for an empty value.</summary>
        private static string Platform(string first, bool enabled, params string[] settings) =>
            $"  - first:\n      {first}\n    second:\n      enabled: {(enabled ? 1 : 0)}\n      settings:"
            + (settings.Length == 0 ? " {}\n" : "\n" + string.Concat(Array.ConvertAll(settings, s => $"        {s}\n")));

        private static string PluginHead(bool explicitReference) => "PluginImporter:\n  externalObjects: {}\n  serializedVersion: 2\n"
            + "  iconMap: {}\n  executionOrder: {}\n  defineConstraints: []\n  isPreloaded: 0\n  isOverridable: 0\n"
            + $"  isExplicitlyReferenced: {(explicitReference ? 1 : 0)}\n  validateReferences: 1\n  platformData:\n";
    }
}
