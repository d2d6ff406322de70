using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using VoiceNpc.Cli.Package;

namespace VoiceNpc.Tests.EndToEnd.Package
{
    /// <summary>
    /// A small package that passes the check (manifest, one asmdef with a script, a Linux x86_64 library, a C source),
    /// each file with the meta the generator writes; a test breaks one thing and writes it as a tarball.
    /// </summary>
    public sealed class PackageFixture
    {
        public const string Name = "com.example.fixture";

        private readonly SortedDictionary<string, byte[]> _files = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);

        public PackageFixture()
        {
            Add("package.json", """{ "name": "com.example.fixture", "version": "1.0.0", "unity": "2022.3", "displayName": "Fixture" }""");
            Add("Runtime/Fixture.Runtime.asmdef", """{ "name": "Fixture.Runtime", "references": [] }""");
            Add("Runtime/Greeter.cs", "public static class Greeter { }");
            Add("Runtime/Plugins/x86_64/libfixture.so", LinuxX64Library());
            Add("Native/fixture.c", "int fixture(void) { return 1; }");
        }

        /// <summary>Adds a file and, where Unity imports it, the metas it and its folders lack, as the generator writes them.</summary>
        public PackageFixture Add(string path, string text) => Add(path, Encoding.UTF8.GetBytes(text));

        public PackageFixture Add(string path, byte[] bytes)
        {
            _files[path] = bytes;
            foreach (var folder in UnityAssetPaths.Parents(path).Where(UnityAssetPaths.NeedsMeta)) AddMeta(folder, isFolder: true);
            if (UnityAssetPaths.NeedsMeta(path)) AddMeta(path, isFolder: false);
            return this;
        }

        /// <summary>Adds or replaces one file, without metas.</summary>
        public PackageFixture Put(string path, string text)
        {
            _files[path] = Encoding.UTF8.GetBytes(text);
            return this;
        }

        public PackageFixture Remove(string path)
        {
            _files.Remove(path);
            return this;
        }

        public string Text(string path) => Encoding.UTF8.GetString(_files[path]);

        public PackageFixture Edit(string path, Func<string, string> edit) => Put(path, edit(Text(path)));

        public string WriteTarball(string folder)
        {
            string tarball = Path.Combine(folder, "fixture-" + Guid.NewGuid().ToString("N") + ".tgz");
            PackageTarball.Write(tarball, _files.Select(f => (f.Key, f.Value)));
            return tarball;
        }

        public IReadOnlyList<PackageFinding> Check(string folder) => PackageCheck.Run(PackageTarball.Read(WriteTarball(folder)));

        private void AddMeta(string asset, bool isFolder)
        {
            if (_files.ContainsKey(asset + ".meta")) return;
            var kind = MetaKinds.For(asset, isFolder) ?? throw new ArgumentException($"no meta template for {asset}");
            _files[asset + ".meta"] = Encoding.UTF8.GetBytes(MetaTemplates.For(kind, MetaGuid.For(Name, asset)));
        }

        /// <summary>The first bytes of a 64-bit little-endian ELF shared library for x86-64 (all the check reads of it).</summary>
        public static byte[] LinuxX64Library()
        {
            var elf = new byte[64];
            new byte[] { 0x7f, (byte)'E', (byte)'L', (byte)'F', 2, 1, 1 }.CopyTo(elf, 0);
            elf[16] = 3; // ET_DYN
            elf[18] = 62; // EM_X86_64
            return elf;
        }
    }
}
