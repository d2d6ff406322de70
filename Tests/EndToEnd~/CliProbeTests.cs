using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using NUnit.Framework;
using VoiceNpc.Cli;
using VoiceNpc.Memory;
using VoiceNpc.Tests.Memory;
using VoiceNpc.Tests.Support;
using VoiceNpc.Tests.Tracing;
using VoiceNpc.Tracing;

namespace VoiceNpc.Tests.EndToEnd
{
    /// <summary>
    /// The crafted files and bad paths an outside probe tried, run through the voicenpc command: each is refused with
    /// one line (exit 1) or handled (exit 0); none may reach the crash path (exit 70, a stack trace).
    /// </summary>
    public class CliProbeTests
    {
        private string _folder = "";

        [SetUp]
        public void CreateFolder() => _folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "voicenpc-probe-" + Guid.NewGuid().ToString("N"))).FullName;

        [TearDown]
        public void RemoveFolder() => Directory.Delete(_folder, true);

        private string Sub(string name) => Path.Combine(_folder, name);

        private static (int Code, string Out, string Err) Voicenpc(params string[] args)
        {
            var result = VoicenpcProcess.Run(args);
            Assert.That(result.Code, Is.Not.EqualTo(CliInvocation.Crashed), $"voicenpc {string.Join(" ", args)} crashed:\n{result.Err}");
            Assert.That(result.Err + result.Out, Does.Not.Contain("   at "), "no stack trace");
            return result;
        }

        /// <summary>Refused before anything ran: exit 1 and one line on stderr that contains every expected part.</summary>
        private static void AssertRefused((int Code, string Out, string Err) result, params string[] says)
        {
            Assert.That(result.Code, Is.EqualTo(1), result.Err);
            Assert.That(result.Err.Trim().Split('\n'), Has.Length.EqualTo(1), result.Err);
            foreach (var part in says) Assert.That(result.Err, Does.Contain(part));
        }

        private string[] Talk(params string[] more) =>
            new[] { "talk", "--character", RepoPaths.BlacksmithCharacter, "--input", RepoPaths.PlayerLine("04-how-much-is-a-shield.wav"), "--output", Sub("out") }
                .Concat(more).ToArray();

        /// <summary>The sample line with one chunk's declared size replaced, or a chunk claiming <paramref name="size"/> put before the rest.</summary>
        private string CraftedWav(string name, string chunk, uint size)
        {
            var wav = File.ReadAllBytes(RepoPaths.PlayerLine("04-how-much-is-a-shield.wav"));
            if (chunk == "data")
            {
                int at = Encoding.ASCII.GetString(wav).IndexOf("data", 12, StringComparison.Ordinal);
                BinaryPrimitives.WriteUInt32LittleEndian(wav.AsSpan(at + 4), size);
            }
            else
            {
                var header = new byte[8];
                Encoding.ASCII.GetBytes(chunk).CopyTo(header, 0);
                BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(4), size);
                wav = wav.Take(12).Concat(header).Concat(wav.Skip(12)).ToArray();
            }
            File.WriteAllBytes(Sub(name), wav);
            return Sub(name);
        }

        [Test]
        public void TalkRefusesEveryUnwritablePathUpFrontNamingTheOption()
        {
            File.WriteAllText(Sub("file"), "a file");
            Directory.CreateDirectory(Sub("dir"));
            AssertRefused(Voicenpc(Talk("--trace", Sub("dir"))), "--trace", Sub("dir"), "is a folder");
            AssertRefused(Voicenpc(Talk("--trace", Path.Combine(Sub("file"), "x.trace"))), "--trace", Sub("file"), "which is a file");
            AssertRefused(Voicenpc("talk", "--character", RepoPaths.BlacksmithCharacter, "--input", RepoPaths.PlayerLine("04-how-much-is-a-shield.wav"),
                "--output", Sub("file")), "--output", Sub("file"), "is a file");
            AssertRefused(Voicenpc(Talk("--cache-folder", Sub("file"))), "--cache-folder", Sub("file"), "is a file");
            AssertRefused(Voicenpc(Talk("--memory-folder", Path.Combine(Sub("file"), "saves"))), "--memory-folder", "which is a file");
            Assert.That(Directory.Exists(Sub("out")), Is.False, "nothing ran");
        }

        [Test]
        public void TalkRefusesCraftedAndEndlessInputsByName()
        {
            AssertRefused(Voicenpc(Talk("--input", CraftedWav("fmt.wav", "fmt ", 0x7FFFFFF0))), Sub("fmt.wav"), "has no data chunk");
            AssertRefused(Voicenpc(Talk("--input", CraftedWav("list.wav", "LIST", 0x7FFFFFF0))), Sub("list.wav"), "has no fmt chunk");
            AssertRefused(Voicenpc(Talk("--input", Sub("."))), "is a folder");
            if (File.Exists("/dev/zero")) AssertRefused(Voicenpc(Talk("--input", "/dev/zero")), "/dev/zero", "holds more than 64 MiB");
        }

        [Test]
        public void TalkWithADamagedSaveAndAnOverlongDataChunkStillHoldsTheConversation()
        {
            var store = new MemoryStore(Sub("saves"));
            var memory = new NpcMemory("brenna-blacksmith", "p1");
            memory.Turns.Add(new RememberedTurn("what do you sell", "Swords, axes and shields.", false, DateTimeOffset.UtcNow));
            store.Save(memory);
            store.Save(memory);
            File.WriteAllBytes(store.PathOf("brenna-blacksmith", "p1"), MemoryFiles.WithTime("saved", long.MaxValue));

            var (code, stdout, stderr) = Voicenpc("talk", "--character", RepoPaths.BlacksmithCharacter, "--input", CraftedWav("data.wav", "data", 0x7FFFFFFF),
                "--output", Sub("out"), "--json", "--memory-folder", Sub("saves"), "--player", "p1");

            Assert.That(code, Is.Zero, stderr);
            Assert.That(stderr, Does.Contain("unreadable at payload byte").And.Contain("using the backup memory"));
            var turns = JsonDocument.Parse(stdout).RootElement.GetProperty("turns");
            Assert.That(turns[0].GetProperty("npc_text").GetString(), Does.StartWith("Shields are twenty gold"));
            Assert.That(store.Load("brenna-blacksmith", "p1").Memory.Turns, Has.Count.EqualTo(2), "the backup's turn and this one");
        }

        [Test]
        public void TraceShowReadsCraftedTracesAndRefusesAFolder()
        {
            string path = Sub("crafted.vnpctrace");
            using (var writer = new TraceWriter(path))
            {
                writer.Write(new TraceRecord("turn", TimeSpan.MaxValue, 1, new Dictionary<string, object?>
                {
                    ["player"] = "hello", ["end_of_speech"] = long.MinValue, ["first_token"] = long.MaxValue, ["first_audio"] = 0L,
                }));
            }
            TraceFrames.Append(path, TraceFrames.TurnBeyondInt32());

            var (code, shown, _) = Voicenpc("trace", "show", path);
            Assert.That(code, Is.Zero);
            Assert.That(shown, Does.Contain("turn 1").And.Contain("stopped early: record 2"));

            AssertRefused(Voicenpc("trace", "show", _folder), _folder, "is a folder");
        }

        [Test]
        public void MemoryShowReportsASaveWithTimesOutOfRange()
        {
            var store = new MemoryStore(_folder);
            Directory.CreateDirectory(Path.GetDirectoryName(store.PathOf("brenna-blacksmith", "p1"))!);
            File.WriteAllBytes(store.PathOf("brenna-blacksmith", "p1"), MemoryFiles.WithTime("turn", long.MinValue));

            var (code, stdout, _) = Voicenpc("memory", "show", "--folder", _folder, "--character", "brenna-blacksmith", "--player", "p1", "--json");
            Assert.That(code, Is.Zero);
            var shown = JsonDocument.Parse(stdout).RootElement;
            Assert.That(shown.GetProperty("source").GetString(), Is.EqualTo("new"));
            Assert.That(shown.GetProperty("problem").GetString(), Does.Contain("unreadable at payload byte"));
        }

        [Test]
        public void MemoryImportAndExportRefuseEndlessInputsAndUnwritablePaths()
        {
            if (File.Exists("/dev/zero")) AssertRefused(Voicenpc("memory", "import", "--folder", _folder, "/dev/zero"), "/dev/zero", "holds more than 64 MiB");
            AssertRefused(Voicenpc("memory", "import", "--folder", _folder, _folder), _folder);
            Voicenpc("memory", "import", "--folder", _folder, Exported("p1"));
            AssertRefused(Voicenpc("memory", "export", "--folder", _folder, "--character", "brenna-blacksmith", "--player", "p1", "--out", _folder),
                "--out", _folder, "is a folder");
        }

        [Test]
        public void AnIdThatCannotBeAFileNameAsIsStillSaves()
        {
            string id = new string('x', 300);
            var (code, _, stderr) = Voicenpc("memory", "import", "--folder", _folder, Exported(id));
            Assert.That(code, Is.Zero, stderr);
            var (showCode, stdout, _) = Voicenpc("memory", "show", "--folder", _folder, "--character", "brenna-blacksmith", "--player", id, "--json");
            Assert.That((showCode, JsonDocument.Parse(stdout).RootElement.GetProperty("source").GetString()), Is.EqualTo((0, "file")));
        }

        private string Exported(string player)
        {
            var memory = new NpcMemory("brenna-blacksmith", player);
            memory.Turns.Add(new RememberedTurn("hello", "Well met.", false, DateTimeOffset.UtcNow));
            File.WriteAllBytes(Sub("export.npcmemory"), NpcMemoryCodec.Encode(memory));
            return Sub("export.npcmemory");
        }
    }
}
