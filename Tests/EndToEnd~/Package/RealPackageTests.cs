using System;
using System.Formats.Tar;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Security.Cryptography;
using NUnit.Framework;
using VoiceNpc.Cli.Package;
using VoiceNpc.Tests.Support;

namespace VoiceNpc.Tests.EndToEnd.Package
{
    /// <summary>The repository's own package, built through the command as ./build.sh package builds it: it passes the check.</summary>
    public class RealPackageTests
    {
        private string _tarball = "";

        [OneTimeSetUp]
        public void BuildPackage() => _tarball = BuiltPackage.Tarball;

        [Test]
        public void ItPassesThePackageCheck()
        {
            var (code, output, error) = VoicenpcProcess.Run("package", "check", _tarball);
            Assert.That(code, Is.EqualTo(0), error);
            Assert.That(output, Does.Contain("total:"));
        }

        [Test]
        public void ItIsNamedByPackageJsonAndHoldsEveryFileUnderPackage()
        {
            Assert.That(Path.GetFileName(_tarball), Does.Match(@"^com\.voicenpc\.voicenpc-\d+\.\d+\.\d+.*\.tgz$"));
            Assert.That(EntryNames(), Has.All.StartWith("package/"));
        }

        [Test]
        public void ItHoldsWhatUnityNeedsAndNoToolsOrProjects()
        {
            var names = EntryNames();
            Assert.That(names, Does.Contain("package/package.json").And.Contain("package/package.json.meta")
                .And.Contain("package/Runtime/VoiceNpc.Runtime.asmdef").And.Contain("package/Samples~/Blacksmith/brenna.character.json")
                .And.Contain("package/Runtime/Plugins/x86_64/libvoicenpc_audio.so").And.Contain("package/NativeAudio/src/vna_engine.c"));
            Assert.That(names, Has.None.Contains("/Cli~/").And.None.Contains("/EndToEnd~/").And.None.Contains("/FakeCloud~/")
                .And.None.EndsWith(".csproj").And.None.EndsWith(".sln").And.None.Contains("/obj/"));
        }

        [Test]
        public void TheSameSourcesGiveTheSameBytes()
        {
            string again = Path.Combine(BuiltPackage.Folder, "again");
            var (code, output, error) = VoicenpcProcess.Run("package", "build", "--root", RepoPaths.Root, "--output", again);
            Assert.That(code, Is.EqualTo(0), error);
            Assert.That(Hash(output.Trim()), Is.EqualTo(Hash(_tarball)));
        }

        private string[] EntryNames()
        {
            using var gzip = new GZipStream(File.OpenRead(_tarball), CompressionMode.Decompress);
            using var tar = new TarReader(gzip);
            var names = new System.Collections.Generic.List<string>();
            while (tar.GetNextEntry() is { } entry) names.Add(entry.Name);
            return names.ToArray();
        }

        private static string Hash(string file) => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(file)));
    }
}
