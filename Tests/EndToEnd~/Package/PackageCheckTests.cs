using System;
using System.Formats.Tar;
using System.IO;
using System.IO.Compression;
using System.Linq;
using NUnit.Framework;
using VoiceNpc.Cli.Package;

namespace VoiceNpc.Tests.EndToEnd.Package
{
    /// <summary>The package check on small tarballs, each broken in one way: the check names the file and what is wrong.</summary>
    public class PackageCheckTests
    {
        private string _folder = "";

        [SetUp]
        public void CreateFolder() => _folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(),
            "voicenpc-pkg-" + Guid.NewGuid().ToString("N"))).FullName;

        [TearDown]
        public void RemoveFolder() => Directory.Delete(_folder, true);

        [Test]
        public void TheUnbrokenFixturePasses() => Assert.That(new PackageFixture().Check(_folder), Is.Empty);

        [Test]
        public void AFileWithoutMetaIsNamed()
        {
            var findings = new PackageFixture().Remove("Runtime/Greeter.cs.meta").Check(_folder);
            Assert.That(findings, Has.Some.Matches<PackageFinding>(f => f.Path == "Runtime/Greeter.cs" && f.Problem.Contains("has no .meta")));
        }

        [Test]
        public void AFolderWithoutMetaIsNamed()
        {
            var findings = new PackageFixture().Remove("Runtime/Plugins.meta").Check(_folder);
            Assert.That(findings, Has.Some.Matches<PackageFinding>(f => f.Path == "Runtime/Plugins" && f.Problem.Contains("folder")));
        }

        [Test]
        public void AnOrphanedMetaIsNamed()
        {
            var findings = new PackageFixture().Remove("Runtime/Greeter.cs").Check(_folder);
            Assert.That(findings, Has.Some.Matches<PackageFinding>(f => f.Path == "Runtime/Greeter.cs.meta" && f.Problem.Contains("orphaned")));
        }

        [Test]
        public void ADuplicateGuidNamesBothMetas()
        {
            var fixture = new PackageFixture();
            string guid = UnityMeta.Parse(fixture.Text("Runtime/Greeter.cs.meta")).Guid!;
            fixture.Add("Runtime/Other.cs", "class Other { }").Edit("Runtime/Other.cs.meta", m => ReplaceGuid(m, guid));
            var findings = fixture.Check(_folder);
            Assert.That(findings, Has.Some.Matches<PackageFinding>(f => f.Path == "Runtime/Other.cs.meta" && f.Problem.Contains(guid)
                && f.Problem.Contains("Runtime/Greeter.cs.meta")));
        }

        [Test]
        public void AMalformedGuidIsNamed()
        {
            var findings = new PackageFixture().Edit("Runtime/Greeter.cs.meta", m => ReplaceGuid(m, "NOT-A-GUID")).Check(_folder);
            Assert.That(findings, Has.Some.Matches<PackageFinding>(f => f.Path == "Runtime/Greeter.cs.meta" && f.Problem.Contains("NOT-A-GUID")));
        }

        [Test]
        public void AMetaWithTheWrongImporterIsNamed()
        {
            var findings = new PackageFixture().Edit("Runtime/Greeter.cs.meta", m => m.Replace("MonoImporter", "TextScriptImporter")).Check(_folder);
            Assert.That(findings, Has.Some.Matches<PackageFinding>(f => f.Path == "Runtime/Greeter.cs.meta"
                && f.Problem.Contains("needs MonoImporter")));
        }

        [Test]
        public void AnUnresolvedAsmdefReferenceIsNamed()
        {
            var findings = new PackageFixture()
                .Put("Runtime/Fixture.Runtime.asmdef",
                    """{ "name": "Fixture.Runtime", "references": ["Fixture.Missing", "GUID:0123456789abcdef0123456789abcdef"] }""")
                .Check(_folder);
            Assert.That(findings, Has.Some.Matches<PackageFinding>(f => f.Path == "Runtime/Fixture.Runtime.asmdef"
                && f.Problem.Contains("'Fixture.Missing'")));
            Assert.That(findings, Has.Some.Matches<PackageFinding>(f => f.Problem.Contains("GUID:0123456789abcdef0123456789abcdef")));
        }

        [Test]
        public void ReferencesToPackageAsmdefsByNameOrGuidAndToTheTestRunnerResolve()
        {
            var fixture = new PackageFixture();
            string runtimeGuid = UnityMeta.Parse(fixture.Text("Runtime/Fixture.Runtime.asmdef.meta")).Guid!;
            fixture.Add("Tests/Fixture.Tests.asmdef", $$"""
                { "name": "Fixture.Tests", "references": ["Fixture.Runtime", "GUID:{{runtimeGuid}}", "UnityEngine.TestRunner",
                  "GUID:0acc523941302664db1f4e527237feb3"], "overrideReferences": true, "precompiledReferences": ["nunit.framework.dll"] }
                """).Add("Tests/GreeterTests.cs", "class GreeterTests { }");
            Assert.That(fixture.Check(_folder), Is.Empty);
        }

        [Test]
        public void APrecompiledReferenceToADllThePackageLacksIsNamed()
        {
            var findings = new PackageFixture()
                .Put("Runtime/Fixture.Runtime.asmdef",
                    """{ "name": "Fixture.Runtime", "overrideReferences": true, "precompiledReferences": ["Absent.dll"] }""")
                .Check(_folder);
            Assert.That(findings, Has.Some.Matches<PackageFinding>(f => f.Path == "Runtime/Fixture.Runtime.asmdef"
                && f.Problem.Contains("'Absent.dll'")));
        }

        [Test]
        public void ANativeLibraryEnabledOnAnyPlatformIsNamed()
        {
            var findings = new PackageFixture().Edit("Runtime/Plugins/x86_64/libfixture.so.meta", EnableAny).Check(_folder);
            Assert.That(findings, Has.Some.Matches<PackageFinding>(f => f.Path == "Runtime/Plugins/x86_64/libfixture.so.meta"
                && f.Problem.Contains("Any Platform")));
        }

        [Test]
        public void ALinuxLibraryEnabledForWindowsIsNamed()
        {
            var findings = new PackageFixture()
                .Edit("Runtime/Plugins/x86_64/libfixture.so.meta", m => m.Replace("Standalone: Linux64", "Standalone: Win64"))
                .Check(_folder);
            Assert.That(findings, Has.Some.Matches<PackageFinding>(f => f.Problem.Contains("Standalone: Win64")));
            Assert.That(findings, Has.Some.Matches<PackageFinding>(f => f.Problem.Contains("Linux players")));
        }

        [Test]
        public void ACSourceEnabledForTheEditorIsNamed()
        {
            const string Editor = "      Editor: Editor\n    second:\n      enabled: ";
            var findings = new PackageFixture().Edit("Native/fixture.c.meta", m => m.Replace(Editor + "0", Editor + "1")).Check(_folder);
            Assert.That(findings, Has.Some.Matches<PackageFinding>(f => f.Path == "Native/fixture.c.meta" && f.Problem.Contains("Editor")));
        }

        [Test]
        public void AManagedDllNamedLikeAnAsmdefIsNamed()
        {
            // The runtime's own DLL is a managed assembly named VoiceNpc.Runtime, here under another file name.
            byte[] dll = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "VoiceNpc.Runtime.dll"));
            var findings = new PackageFixture().Put("Runtime/Fixture.Runtime.asmdef", """{ "name": "VoiceNpc.Runtime" }""")
                .Add("Runtime/Plugins/Managed/Renamed.dll", dll).Check(_folder);
            Assert.That(findings, Has.Some.Matches<PackageFinding>(f => f.Path == "Runtime/Plugins/Managed/Renamed.dll"
                && f.Problem.Contains("'VoiceNpc.Runtime'") && f.Problem.Contains("Runtime/Fixture.Runtime.asmdef")));
        }

        [Test]
        public void AnEditorOnlyDllEnabledOnAnyPlatformIsNamed()
        {
            byte[] dll = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "VoiceNpc.Runtime.dll"));
            const string Path_ = "Editor/Plugins/Managed/Fixture.Editor.Only.dll";
            var fixture = new PackageFixture().Add(Path_, dll);
            Assert.That(fixture.Check(_folder).Where(f => f.Path == Path_ + ".meta"), Is.Empty, "the generated settings are right");
            var findings = fixture.Edit(Path_ + ".meta", EnableAny).Check(_folder);
            Assert.That(findings, Has.Some.Matches<PackageFinding>(f => f.Path == Path_ + ".meta" && f.Problem.Contains("editor-only")));
        }

        [Test]
        public void ARuntimeDllNotOnAnyPlatformIsNamed()
        {
            byte[] dll = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "VoiceNpc.Runtime.dll"));
            const string Path_ = "Runtime/Plugins/Managed/Fixture.Runtime.Dep.dll";
            var findings = new PackageFixture().Add(Path_, dll)
                .Edit(Path_ + ".meta", m => m.Replace("      Any: \n    second:\n      enabled: 1", "      Any: \n    second:\n      enabled: 0")
                    .Replace("      Editor: Editor\n    second:\n      enabled: 0", "      Editor: Editor\n    second:\n      enabled: 1"))
                .Check(_folder);
            Assert.That(findings, Has.Some.Matches<PackageFinding>(f => f.Path == Path_ + ".meta" && f.Problem.Contains("Any Platform")));
        }

        [Test]
        public void TwoAsmdefsOfOneNameAreNamed()
        {
            var findings = new PackageFixture().Add("Editor/Fixture.Editor.asmdef", """{ "name": "Fixture.Runtime" }""").Check(_folder);
            Assert.That(findings, Has.Some.Matches<PackageFinding>(f => f.Problem.Contains("'Fixture.Runtime'")
                && $"{f.Path} {f.Problem}".Contains("Editor/Fixture.Editor.asmdef")
                    && $"{f.Path} {f.Problem}".Contains("Runtime/Fixture.Runtime.asmdef")));
        }

        [Test]
        public void AnAutoReferencedManagedDllIsNamed()
        {
            byte[] dll = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "VoiceNpc.Runtime.dll"));
            var findings = new PackageFixture().Add("Runtime/Plugins/Managed/VoiceNpc.Runtime.dll", dll)
                .Edit("Runtime/Plugins/Managed/VoiceNpc.Runtime.dll.meta", m => m.Replace("isExplicitlyReferenced: 1", "isExplicitlyReferenced: 0"))
                .Check(_folder);
            Assert.That(findings, Has.Some.Matches<PackageFinding>(f => f.Path == "Runtime/Plugins/Managed/VoiceNpc.Runtime.dll.meta"
                && f.Problem.Contains("isExplicitlyReferenced")));
        }

        [Test]
        public void AStrayScriptOutsideEveryAsmdefIsNamed()
        {
            var findings = new PackageFixture().Add("Loose/Stray.cs", "class Stray { }").Check(_folder);
            Assert.That(findings, Has.Some.Matches<PackageFinding>(f => f.Path == "Loose/Stray.cs" && f.Problem.Contains("no asmdef")));
        }

        [Test]
        public void ProjectFilesAndToolFoldersAreNamed()
        {
            var findings = new PackageFixture().Put("Runtime/Fixture.csproj", "<Project />").Put("Tool~/Program.cs", "class Program { }")
                .Put("Runtime/Data~/case.json", "{}").Check(_folder);
            Assert.That(findings, Has.Some.Matches<PackageFinding>(f => f.Path == "Runtime/Fixture.csproj"));
            Assert.That(findings, Has.Some.Matches<PackageFinding>(f => f.Path == "Tool~" && f.Problem.Contains("tool folder")));
            Assert.That(findings, Has.None.Matches<PackageFinding>(f => f.Path.StartsWith("Runtime/Data~", StringComparison.Ordinal)));
        }

        [TestCase("version", "1.0")]
        [TestCase("unity", "2022")]
        [TestCase("name", "Fixture")]
        public void AnInvalidManifestFieldIsNamed(string field, string value)
        {
            var findings = new PackageFixture().Edit("package.json", j => System.Text.RegularExpressions.Regex.Replace(j,
                $"\"{field}\": \"[^\"]*\"", $"\"{field}\": \"{value}\""))
                .Check(_folder);
            Assert.That(findings, Has.Some.Matches<PackageFinding>(f => f.Path == "package.json" && f.Problem.Contains($"\"{field}\" '{value}'")));
        }

        [Test]
        public void ASamplePathThatIsNoFolderIsNamed()
        {
            var findings = new PackageFixture().Edit("package.json", j => j.Replace("}",
                """, "samples": [{ "displayName": "Gone", "path": "Samples~/Gone" }] }"""))
                .Check(_folder);
            Assert.That(findings, Has.Some.Matches<PackageFinding>(f => f.Path == "package.json" && f.Problem.Contains("Samples~/Gone")));
        }

        [Test]
        public void PathsLongerThanAPlainTarNameRoundTrip()
        {
            string deep = "Runtime/" + string.Join("/", Enumerable.Repeat("AVeryLongFolderNameForTesting", 5)) + "/Deep.cs";
            var fixture = new PackageFixture().Add(deep, "class Deep { }");
            Assert.That(PackageTarball.Read(fixture.WriteTarball(_folder)).HasFile(deep), Is.True);
            Assert.That(fixture.Check(_folder), Is.Empty);
        }

        [Test]
        public void TheCommandPrintsEachFindingAndFails()
        {
            string tarball = new PackageFixture().Remove("Runtime/Greeter.cs.meta").WriteTarball(_folder);
            var (code, output, error) = VoicenpcProcess.Run("package", "check", tarball);
            Assert.That(code, Is.EqualTo(1));
            Assert.That(error, Does.Contain("Runtime/Greeter.cs: has no .meta"));
            Assert.That(output, Does.Contain("total:").And.Contain("Runtime"));
        }

        [Test]
        public void AFileThatIsNoTarballIsRefusedWithItsName()
        {
            string bogus = Path.Combine(_folder, "bogus.tgz");
            File.WriteAllText(bogus, "not a tarball");
            var (code, _, error) = VoicenpcProcess.Run("package", "check", bogus);
            Assert.That(code, Is.EqualTo(1));
            Assert.That(error, Does.Contain("bogus.tgz").And.Contain("not a readable .tgz"));
        }

        [Test]
        public void AnEntryOutsideThePackageFolderIsRefused()
        {
            string tarball = Path.Combine(_folder, "flat.tgz");
            using (var gzip = new GZipStream(File.Create(tarball), CompressionLevel.Fastest))
            using (var tar = new TarWriter(gzip))
                tar.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, "package.json") { DataStream = new MemoryStream(new byte[] { 0x7b }) });
            var error = Assert.Throws<PackageException>(() => PackageTarball.Read(tarball))!;
            Assert.That(error.Message, Does.Contain("package.json").And.Contain("outside the top-level \"package/\" folder"));
        }

        private static string ReplaceGuid(string meta, string guid) =>
            System.Text.RegularExpressions.Regex.Replace(meta, "guid: [0-9a-f]+", "guid: " + guid);

        private static string EnableAny(string meta) =>
            meta.Replace("      Any: \n    second:\n      enabled: 0", "      Any: \n    second:\n      enabled: 1");
    }
}
