namespace VoiceNpc.Cli.Package
{
    /// <summary>The importer settings an asset of the package gets, one per kind of file Unity imports.</summary>
    public enum MetaKind
    {
        Folder,
        PackageManifest,
        MonoScript,
        AssemblyDefinition,
        TextAsset,
        /// <summary>C/C++ sources and headers: a PluginImporter enabled on no platform, so IL2CPP never compiles them.</summary>
        SourcePlugin,
        /// <summary>A Linux x86_64 shared library: the Linux editor and Linux 64-bit players only.</summary>
        NativeLinux64Plugin,
        /// <summary>A managed DLL: every platform, referenced only by asmdefs that list it (no clash with a game's own copy).</summary>
        ManagedPlugin,
        /// <summary>A managed DLL only the editor-only assemblies use (Editor/Plugins/Managed): the editor alone.</summary>
        EditorManagedPlugin,
        Audio,
        Default,
    }
}
