using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using NUnit.Framework;
using VoiceNpc.Characters;

namespace VoiceNpc.Tests.EndToEnd.Package
{
    /// <summary>
    /// A conversation from the unpacked tarball alone: a host compiled from the package's Runtime sources and managed
    /// plugins has Brenna (Samples~/Blacksmith) answer the sample's recorded lines on the embedded providers, and the
    /// loader's own trace shows every native library coming from the package, none from the system.
    /// </summary>
    public class UnpackedConversationTests
    {
        /// <summary>
        /// The native libraries the package carries (Runtime/Plugins/x86_64): the audio core, OpenAL Soft, Flite,
        /// PocketSphinx, ONNX Runtime.
        /// </summary>
        private static readonly string[] PackageLibraries =
            { "libvoicenpc_audio.so", "libvoicenpc_openal.so", "libvoicenpc_flite.so", "libvoicenpc_sphinx.so", "libonnxruntime.so" };

        /// <summary>System libraries that must not be loaded: their code is in the package's libraries (speexdsp statically).</summary>
        private static readonly string[] SystemLibraries = { "libopenal", "libflite", "libpocketsphinx", "libsphinxbase", "libspeexdsp",
            "libonnxruntime", "libvoicenpc" };

        private static readonly (string Clip, string Intent)[] Lines =
            { ("02-what-do-you-sell.wav", "wares"), ("03-can-you-repair-my-sword.wav", "repair") };

        private string _folder = "";
        private UnpackedPackage _package = null!;
        private string _output = "";
        private int _code;

        [OneTimeSetUp]
        public void TalkFromTheUnpackedPackage()
        {
            _folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "voicenpc-unpacked-" + Guid.NewGuid().ToString("N"))).FullName;
            _package = UnpackedPackage.Unpack(BuiltPackage.Tarball, Path.Combine(_folder, "unpacked"));
            string host = UnpackedHost.Build(_package, Path.Combine(_folder, "host"));
            string sample = Path.Combine(_package.Root, "Samples~", "Blacksmith");
            (_code, _output) = UnpackedHost.Talk(host, _package, Path.Combine(_folder, "player-data"), Path.Combine(sample, "brenna.character.json"),
                Lines.Select(l => Path.Combine(sample, "player", l.Clip)));
        }

        [OneTimeTearDown]
        public void RemoveFolder() => Directory.Delete(_folder, true);

        [Test]
        public void BrennaAnswersEachLineFromTheUnpackedPackage()
        {
            Assert.That(_code, Is.EqualTo(0), Conversation());
            var character = CharacterLoader.Load(Path.Combine(_package.Root, "Samples~", "Blacksmith", "brenna.character.json"));
            var replies = Conversation().Split('\n').Where(l => l.StartsWith("npc: ", StringComparison.Ordinal))
                .Select(l => l.Substring(5).Trim()).ToList();
            Assert.That(replies, Has.Count.EqualTo(Lines.Length), Conversation());
            for (int i = 0; i < Lines.Length; i++)
                Assert.That(character.Intents.Single(intent => intent.Id == Lines[i].Intent).Lines, Does.Contain(replies[i]), Conversation());
            Assert.That(Conversation(), Does.Not.Contain("fell back:").And.Not.Contain("error:"));
        }

        [TestCaseSource(nameof(PackageLibraries))]
        public void TheLoaderTakesEachNativeLibraryFromThePackage(string library)
        {
            string fromPackage = Path.Combine(_package.NativePlugins, library);
            Assert.That(LoadedLibraries(), Does.Contain(fromPackage), "libraries the loader initialised:\n" + string.Join("\n", LoadedLibraries()));
        }

        [Test]
        public void NoSystemCopyOfThoseLibrariesIsLoaded()
        {
            var fromSystem = LoadedLibraries().Where(path => !path.StartsWith(_package.NativePlugins + "/", StringComparison.Ordinal)
                && SystemLibraries.Any(name => Path.GetFileName(path).StartsWith(name, StringComparison.Ordinal)));
            Assert.That(fromSystem, Is.Empty);
        }

        /// <summary>The libraries the dynamic loader ran the initialisers of ("calling init: PATH" in LD_DEBUG=libs).</summary>
        private string[] LoadedLibraries() =>
            Regex.Matches(_output, @"calling init: (\S+)").Select(m => m.Groups[1].Value).Distinct().ToArray();

        /// <summary>The host's own lines, without the loader's trace.</summary>
        private string Conversation() =>
            string.Join("\n", _output.Split('\n').Where(l => !Regex.IsMatch(l, @"^\s*\d+:\s")));
    }
}
