using System;
using System.Collections.Generic;
using System.Formats.Tar;
using System.IO;
using System.IO.Compression;
using System.Linq;

namespace VoiceNpc.Tests.EndToEnd.Package
{
    /// <summary>A package tarball unpacked into a folder of its own, as Unity's Package Manager unpacks it (no repository file is used).</summary>
    public sealed class UnpackedPackage
    {
        private UnpackedPackage(string root) => Root = root;

        /// <summary>The unpacked "package/" folder.</summary>
        public string Root { get; }

        public string NativePlugins => Path.Combine(Root, "Runtime", "Plugins", "x86_64");

        public string Models => Path.Combine(Root, "Runtime", "Resources", "VoiceNpcModels");

        public string ManagedPlugins => Path.Combine(Root, "Runtime", "Plugins", "Managed");

        public static UnpackedPackage Unpack(string tarball, string folder)
        {
            Directory.CreateDirectory(folder);
            using (var gzip = new GZipStream(File.OpenRead(tarball), CompressionMode.Decompress))
                TarFile.ExtractToDirectory(gzip, folder, overwriteFiles: false);
            return new UnpackedPackage(Path.Combine(folder, "package"));
        }

        /// <summary>The C# files of the Runtime asmdef: those under Runtime/ whose nearest asmdef is Runtime/VoiceNpc.Runtime.asmdef.</summary>
        public IReadOnlyList<string> RuntimeSources()
        {
            string runtime = Path.Combine(Root, "Runtime");
            return Directory.EnumerateFiles(runtime, "*.cs", SearchOption.AllDirectories)
                .Where(f => NearestAsmdefFolder(Path.GetDirectoryName(f)!) == runtime).OrderBy(f => f, StringComparer.Ordinal).ToList();
        }

        public IReadOnlyList<string> ManagedDlls() =>
            Directory.Exists(ManagedPlugins) ? Directory.GetFiles(ManagedPlugins, "*.dll").OrderBy(f => f, StringComparer.Ordinal).ToList()
                : new List<string>();

        private string? NearestAsmdefFolder(string folder)
        {
            for (var dir = folder; dir != null && dir.Length >= Root.Length; dir = Path.GetDirectoryName(dir))
                if (Directory.EnumerateFiles(dir, "*.asmdef").Any()) return dir;
            return null;
        }
    }
}
