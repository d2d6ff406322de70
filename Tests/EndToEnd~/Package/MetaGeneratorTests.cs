using System;
using System.IO;
using System.Linq;
using NUnit.Framework;
using VoiceNpc.Cli.Package;
using VoiceNpc.Tests.Support;

namespace VoiceNpc.Tests.EndToEnd.Package
{
    /// <summary>`voicenpc package metas`: what it writes, that it never changes a meta, and that its metas pass the check.</summary>
    public class MetaGeneratorTests
    {
        private string _root = "";

        [SetUp]
        public void CreatePackage()
        {
            _root = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "voicenpc-metas-" + Guid.NewGuid().ToString("N"))).FullName;
            Write("package.json", """{ "name": "com.example.gen", "version": "0.1.0", "unity": "2022.3", "displayName": "Gen" }""");
            Write("Runtime/Gen.Runtime.asmdef", """{ "name": "Gen.Runtime" }""");
            Write("Runtime/Thing.cs", "class Thing { }");
            Write("Runtime/Gen.Runtime.csproj", "<Project />");
            Write("NativeAudio/src/core.c", "int core;");
            Write("Samples~/Demo/line.wav", "RIFF");
        }

        [TearDown]
        public void RemovePackage() => Directory.Delete(_root, true);

        [Test]
        public void WritesAMetaOfTheRightKindForEachImportedFileAndFolder()
        {
            var (code, output, _) = VoicenpcProcess.Run("package", "metas", "--root", _root, "--write");
            Assert.That(code, Is.EqualTo(0), output);
            Assert.That(Read("Runtime.meta"), Does.Contain("folderAsset: yes"));
            Assert.That(Read("Runtime/Thing.cs.meta"), Does.Contain("MonoImporter:"));
            Assert.That(Read("Runtime/Gen.Runtime.asmdef.meta"), Does.Contain("AssemblyDefinitionImporter:"));
            Assert.That(Read("package.json.meta"), Does.Contain("PackageManifestImporter:"));
            Assert.That(Read("NativeAudio/src/core.c.meta"), Does.Contain("PluginImporter:"));
            Assert.That(Read("Samples~/Demo/line.wav.meta"), Does.Contain("AudioImporter:"));
            Assert.That(File.Exists(Path.Combine(_root, "Runtime/Gen.Runtime.csproj.meta")), Is.False, "project files are not in the package");
            Assert.That(File.Exists(Path.Combine(_root, "Samples~.meta")), Is.False, "Unity never imports Samples~ itself");
        }

        [Test]
        public void GuidsComeFromThePackageNameAndPathSoTwoPeopleGetTheSame()
        {
            VoicenpcProcess.Run("package", "metas", "--root", _root, "--write");
            Assert.That(UnityMeta.Parse(Read("Runtime/Thing.cs.meta")).Guid, Is.EqualTo(MetaGuid.For("com.example.gen", "Runtime/Thing.cs")));
            Assert.That(MetaGuid.For("com.example.gen", "Runtime/Thing.cs"), Is.Not.EqualTo(MetaGuid.For("com.example.gen", "Runtime/Other.cs")));
            Assert.That(MetaGuid.IsWellFormed(MetaGuid.For("com.example.gen", "Runtime/Thing.cs")), Is.True);
        }

        [Test]
        public void AnExistingMetaIsNeverChanged()
        {
            string existing = MetaTemplates.For(MetaKind.MonoScript, "0123456789abcdef0123456789abcdef");
            Write("Runtime/Thing.cs.meta", existing);
            VoicenpcProcess.Run("package", "metas", "--root", _root, "--write");
            Assert.That(Read("Runtime/Thing.cs.meta"), Is.EqualTo(existing));
        }

        [Test]
        public void WithoutWriteMissingMetasFailAndNothingIsWritten()
        {
            var (code, _, error) = VoicenpcProcess.Run("package", "metas", "--root", _root);
            Assert.That(code, Is.EqualTo(1));
            Assert.That(error, Does.Contain("Runtime/Thing.cs: has no .meta"));
            Assert.That(File.Exists(Path.Combine(_root, "Runtime/Thing.cs.meta")), Is.False);
        }

        [Test]
        public void AnOrphanedMetaFails()
        {
            VoicenpcProcess.Run("package", "metas", "--root", _root, "--write");
            File.Delete(Path.Combine(_root, "Runtime/Thing.cs"));
            var (code, _, error) = VoicenpcProcess.Run("package", "metas", "--root", _root);
            Assert.That(code, Is.EqualTo(1));
            Assert.That(error, Does.Contain("Runtime/Thing.cs.meta: is orphaned"));
        }

        [Test]
        public void AMetaOfBuildOutputNotBuiltYetIsANoteNotAFailure()
        {
            Write("Runtime/Plugins/x86_64/libgen.so", "");
            VoicenpcProcess.Run("package", "metas", "--root", _root, "--write");
            File.Delete(Path.Combine(_root, "Runtime/Plugins/x86_64/libgen.so"));
            var (code, output, error) = VoicenpcProcess.Run("package", "metas", "--root", _root);
            Assert.That(code, Is.EqualTo(0), error);
            Assert.That(output, Does.Contain("Runtime/Plugins/x86_64/libgen.so is not built yet"));
        }

        [Test]
        public void GeneratedMetasPassThePackageCheck()
        {
            Write("Runtime/Plugins/x86_64/libgen.so", PackageFixture.LinuxX64Library());
            VoicenpcProcess.Run("package", "metas", "--root", _root, "--write");
            var (built, tarball, buildError) = VoicenpcProcess.Run("package", "build", "--root", _root, "--output", Path.Combine(_root, "out"));
            Assert.That(built, Is.EqualTo(0), buildError);
            var (code, output, error) = VoicenpcProcess.Run("package", "check", tarball.Trim());
            Assert.That(code, Is.EqualTo(0), error);
            Assert.That(output, Does.Contain(": ok"));
        }

        [TestCase("Runtime/Plugins/x86_64/libvoicenpc_audio.so.meta", MetaKind.NativeLinux64Plugin)]
        [TestCase("NativeAudio/src/vna_ring.c.meta", MetaKind.SourcePlugin)]
        public void TheTemplatesAreTheSettingsThePackagesFirstPluginMetasCarry(string committedMeta, MetaKind kind)
        {
            string committed = File.ReadAllText(Path.Combine(RepoPaths.Root, committedMeta));
            Assert.That(MetaTemplates.For(kind, UnityMeta.Parse(committed).Guid!), Is.EqualTo(committed));
        }

        private void Write(string path, string text) => Write(path, System.Text.Encoding.UTF8.GetBytes(text));

        private void Write(string path, byte[] bytes)
        {
            string full = Path.Combine(_root, path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllBytes(full, bytes);
        }

        private string Read(string path) => File.ReadAllText(Path.Combine(_root, path));
    }
}
