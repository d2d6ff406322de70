using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using NUnit.Framework;
using VoiceNpc.Tests.Support;

namespace VoiceNpc.Tests.EndToEnd.Native
{
    /// <summary>
    /// The native libraries the CLI loads are the package's own, beside the application (the loader's trace says so),
    /// a missing one is a typed, reported error, and the native check rejects a library that needs the system.
    /// </summary>
    public sealed class ShippedLibrariesTests
    {
        // A copied CLI is outside the tree it would find the package's models in.
        private static readonly Dictionary<string, string?> ModelsOfTheTree = new Dictionary<string, string?>
        {
            [VoiceNpc.Hosting.VoiceNpcFolders.ModelsVariable] = RepoPaths.Models,
        };

        private static readonly Regex SystemCopy = new Regex(@"/(libflite|libpocketsphinx|libsphinxbase|libopenal|libspeexdsp)[^/]*$");
        private string _scratch = "";

        [SetUp]
        public void CreateScratch() =>
            _scratch = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "voicenpc-native-" + Guid.NewGuid().ToString("N"))).FullName;

        [TearDown]
        public void RemoveScratch() => Directory.Delete(_scratch, true);

        private static string AppFolder => Path.GetFullPath(AppContext.BaseDirectory);

        private static string[] TalkToTheSample(string output) => new[]
        {
            "talk", "--character", RepoPaths.BlacksmithCharacter, "--input", RepoPaths.PlayerLine("02-what-do-you-sell.wav"), "--output", output,
        };

        [Test]
        public void TalkLoadsFlitePocketSphinxAndOnnxRuntimeFromTheApplicationFolder()
        {
            var loaded = LoadedLibraries(TalkToTheSample(Path.Combine(_scratch, "out")));
            foreach (var name in new[] { "libvoicenpc_flite.so", "libvoicenpc_sphinx.so", "libonnxruntime.so" })
                Assert.That(loaded, Does.Contain(Path.Combine(AppFolder, name)), $"{name} from {AppFolder}; loaded: {string.Join(", ", loaded)}");
            Assert.That(loaded.Where(path => SystemCopy.IsMatch(path)), Is.Empty);
        }

        [Test]
        public void DevicesLoadsTheAudioCoreAndOpenAlSoftFromTheApplicationFolder()
        {
            var loaded = LoadedLibraries(new[] { "devices" });
            foreach (var name in new[] { "libvoicenpc_audio.so", "libvoicenpc_openal.so" })
                Assert.That(loaded, Does.Contain(Path.Combine(AppFolder, name)), $"{name} from {AppFolder}; loaded: {string.Join(", ", loaded)}");
            Assert.That(loaded.Where(path => SystemCopy.IsMatch(path)), Is.Empty);
        }

        [Test]
        public void WithoutOnnxRuntimeTheEnergyVadTakesOverAndTheReasonNamesTheFile()
        {
            string app = AppFolderWithout("libonnxruntime.so");
            var (code, stdout, stderr) = VoicenpcProcess.Run(TalkToTheSample(Path.Combine(_scratch, "out")).Append("--json"),
                ModelsOfTheTree, voicenpcDll: Path.Combine(app, "voicenpc.dll"));
            Assert.That(code, Is.Zero, stderr);
            using var json = JsonDocument.Parse(stdout);
            var fallback = json.RootElement.GetProperty("turns").EnumerateArray().SelectMany(t => t.GetProperty("fallbacks").EnumerateArray())
                .Single(f => f.GetProperty("stage").GetString() == "vad");
            Assert.That(fallback.GetProperty("from").GetString(), Is.EqualTo("silero"));
            Assert.That(fallback.GetProperty("to").GetString(), Is.EqualTo("energy"));
            Assert.That(fallback.GetProperty("reason").GetString(),
                Does.Contain("libonnxruntime.so (ONNX Runtime, for the Silero VAD) is unavailable on linux-x64"));
        }

        // The sample has one recogniser and one voice: the chain's start (ProviderCatalog.Resolve) names the file.
        [TestCase("libvoicenpc_flite.so", "tts", "flite", "Flite text-to-speech")]
        [TestCase("libvoicenpc_sphinx.so", "stt", "pocketsphinx", "PocketSphinx speech-to-text")]
        public void WithoutItsLibraryAProviderCannotStartAndTheErrorNamesTheFile(string library, string stage, string provider, string purpose)
        {
            string app = AppFolderWithout(library);
            var (code, _, stderr) = VoicenpcProcess.Run(TalkToTheSample(Path.Combine(_scratch, "out")),
                ModelsOfTheTree, voicenpcDll: Path.Combine(app, "voicenpc.dll"));
            Assert.That(code, Is.EqualTo(1), stderr);
            Assert.That(stderr, Does.Contain($"no {stage} provider of the character's chain could start "
                + $"({provider}: the native library {library} ({purpose}) is unavailable on linux-x64"));
            Assert.That(stderr, Does.Not.Contain("DllNotFoundException"));
        }

        [Test]
        public void WithoutTheAudioCoreTheDeviceListSaysWhichFileIsMissing()
        {
            string app = AppFolderWithout("libvoicenpc_audio.so");
            var (code, _, stderr) = VoicenpcProcess.Run(new[] { "devices" }, ModelsOfTheTree, voicenpcDll: Path.Combine(app, "voicenpc.dll"));
            Assert.That(code, Is.EqualTo(1), stderr);
            Assert.That(stderr,
                Does.Contain("libvoicenpc_audio.so (the audio core: microphone, speakers, echo cancellation) is unavailable on linux-x64"));
        }

        [Test]
        public void TheNativeCheckPassesTheShippedLibrariesAndRejectsOneThatNeedsTheSystem()
        {
            string plugins = Path.Combine(RepoPaths.Root, "Runtime", "Plugins", "x86_64");
            Assert.That(CheckNative(plugins).Code, Is.Zero);

            string copy = Directory.CreateDirectory(Path.Combine(_scratch, "plugins")).FullName;
            foreach (var file in Directory.GetFiles(plugins, "*.so")) File.Copy(file, Path.Combine(copy, Path.GetFileName(file)));
            // A Debian library in its place: it needs libpulsecommon, libdbus, ... and has a RUNPATH into /usr/lib.
            File.Copy("/usr/lib/x86_64-linux-gnu/libpulse.so.0", Path.Combine(copy, "libvoicenpc_flite.so"), true);
            var (code, stderr) = CheckNative(copy);
            Assert.That(code, Is.EqualTo(1));
            Assert.That(stderr, Does.Contain("libvoicenpc_flite.so needs libdbus-1.so.3, which is neither glibc nor one of the package's libraries"));
            Assert.That(stderr, Does.Contain("libvoicenpc_flite.so has RUNPATH /usr/lib/x86_64-linux-gnu/pulseaudio"));
        }

        // Every library the dynamic loader initialized while the command ran (LD_DEBUG=libs writes one file per process).
        private List<string> LoadedLibraries(string[] args)
        {
            string trace = Path.Combine(_scratch, "ld");
            var (code, _, stderr) = VoicenpcProcess.Run(args, new Dictionary<string, string?> { ["LD_DEBUG"] = "libs", ["LD_DEBUG_OUTPUT"] = trace });
            Assert.That(code, Is.Zero, stderr);
            var init = new Regex(@"calling init: (\S+)");
            return Directory.GetFiles(_scratch, "ld.*").SelectMany(File.ReadAllLines)
                .Select(line => init.Match(line)).Where(m => m.Success).Select(m => m.Groups[1].Value).Distinct().ToList();
        }

        // The test's application folder as hard links (instant, no copy), less one library.
        private string AppFolderWithout(string library)
        {
            string app = Path.Combine(_scratch, "app");
            Assert.That(RunTool("cp", "-al", AppFolder.TrimEnd('/'), app).Code, Is.Zero);
            File.Delete(Path.Combine(app, library));
            Assert.That(Directory.GetFiles(app, library, SearchOption.AllDirectories), Is.Empty, "the only copy of " + library);
            return app;
        }

        private static (int Code, string Err) CheckNative(string folder) =>
            RunTool("bash", Path.Combine(RepoPaths.Root, "Tools~", "check-native.sh"), folder);

        private static (int Code, string Err) RunTool(string tool, params string[] args)
        {
            var info = new ProcessStartInfo(tool) { RedirectStandardError = true, RedirectStandardOutput = true };
            foreach (var arg in args) info.ArgumentList.Add(arg);
            using var process = Process.Start(info)!;
            process.StandardOutput.ReadToEndAsync();
            string stderr = process.StandardError.ReadToEnd();
            process.WaitForExit();
            return (process.ExitCode, stderr);
        }
    }
}
