using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.Json;
using NUnit.Framework;
using VoiceNpc.Audio;
using VoiceNpc.Tests.Support;

namespace VoiceNpc.Tests.EndToEnd
{
    /// <summary>The voicenpc command as a user runs it: real providers, real files, real time.</summary>
    public class CliTalkTests
    {
        private string _output = "";

        [SetUp]
        public void CreateOutput() => _output = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "voicenpc-e2e-" + Guid.NewGuid().ToString("N"))).FullName;

        [TearDown]
        public void RemoveOutput() => Directory.Delete(_output, true);

        private static (int Code, string Out, string Err) Voicenpc(params string[] args) => VoicenpcProcess.Run(args);

        [Test]
        public void TalkJsonAnswersEveryPlayerLineOfTheSample()
        {
            var (code, stdout, stderr) = Voicenpc("talk", "--character", RepoPaths.BlacksmithCharacter,
                "--input", RepoPaths.PlayerLine("02-what-do-you-sell.wav"),
                "--input", RepoPaths.PlayerLine("04-how-much-is-a-shield.wav"),
                "--output", _output, "--json");
            Assert.That(code, Is.Zero, stderr);

            using var json = JsonDocument.Parse(stdout);
            Assert.That(json.RootElement.GetProperty("character").GetString(), Is.EqualTo("brenna-blacksmith"));
            var turns = json.RootElement.GetProperty("turns").EnumerateArray().ToList();
            Assert.That(turns.Count, Is.EqualTo(2));
            Assert.That(turns[0].GetProperty("npc_text").GetString(), Does.StartWith("Swords, axes and shields"));
            Assert.That(turns[1].GetProperty("npc_text").GetString(), Does.StartWith("Shields are twenty gold"));
            foreach (var turn in turns)
            {
                Assert.That(turn.GetProperty("interrupted").GetBoolean(), Is.False);
                Assert.That(turn.GetProperty("providers").GetProperty("stt").GetString(), Is.EqualTo("pocketsphinx"));
                Assert.That(turn.GetProperty("providers").GetProperty("llm").GetString(), Is.EqualTo("scripted"));
                Assert.That(turn.GetProperty("providers").GetProperty("tts").GetString(), Is.EqualTo("flite"));
                Assert.That(turn.GetProperty("latency_ms").GetProperty("voice_to_voice").GetDouble(), Is.GreaterThan(0));
                var audio = WavFile.ReadAsPipelineAudio(turn.GetProperty("npc_audio").GetString()!);
                Assert.That(audio.Length, Is.GreaterThan(AudioFormat.SampleRate), "a reply of more than a second");
                Assert.That(audio.Max(s => Math.Abs((int)s)), Is.GreaterThan(1000), "the reply is not silent");
            }
        }

        [Test]
        public void TheNpcRemembersThePlayerAcrossRuns()
        {
            string memory = Path.Combine(_output, "saves");
            foreach (var line in new[] { "02-what-do-you-sell.wav", "04-how-much-is-a-shield.wav" })
            {
                var (code, _, stderr) = Voicenpc("talk", "--character", RepoPaths.BlacksmithCharacter, "--input", RepoPaths.PlayerLine(line),
                    "--output", _output, "--json", "--memory-folder", memory, "--player", "aerin");
                Assert.That(code, Is.Zero, stderr);
            }
            var (showCode, stdout, showErr) = Voicenpc("memory", "show", "--folder", memory, "--character", "brenna-blacksmith", "--player", "aerin", "--json");
            Assert.That(showCode, Is.Zero, showErr);
            var shown = JsonDocument.Parse(stdout).RootElement;
            Assert.That(shown.GetProperty("source").GetString(), Is.EqualTo("file"));
            Assert.That(shown.GetProperty("turns").EnumerateArray().Select(t => t.GetProperty("player").GetString()),
                Is.EqualTo(new[] { "what do you sell", "how much is a shield" }));

            var (deleteCode, deleted, _) = Voicenpc("memory", "delete", "--folder", memory, "--character", "brenna-blacksmith", "--player", "aerin");
            Assert.That((deleteCode, deleted.Split('\n')[0]), Is.EqualTo((0, "deleted 2 files:")), "the save and its backup");
        }

        [Test]
        public void ALineSpokenInAnEarlierRunComesFromTheCache()
        {
            string cache = Path.Combine(_output, "cache");
            string Provider()
            {
                var (code, stdout, stderr) = Voicenpc("talk", "--character", RepoPaths.BlacksmithCharacter, "--input", RepoPaths.PlayerLine("04-how-much-is-a-shield.wav"),
                    "--output", _output, "--json", "--cache-folder", cache);
                Assert.That(code, Is.Zero, stderr);
                return JsonDocument.Parse(stdout).RootElement.GetProperty("turns")[0].GetProperty("providers").GetProperty("tts").GetString()!;
            }
            Assert.That(Provider(), Is.EqualTo("flite"));
            Assert.That(Provider(), Is.EqualTo("cache"));
        }

        [Test]
        public void ATalkTraceShowsTheDialogueAndAWaterfall()
        {
            string trace = Path.Combine(_output, "talk.vnpctrace");
            var (code, _, stderr) = Voicenpc("talk", "--character", RepoPaths.BlacksmithCharacter, "--input", RepoPaths.PlayerLine("04-how-much-is-a-shield.wav"),
                "--output", _output, "--json", "--trace", trace);
            Assert.That(code, Is.Zero, stderr);

            var (showCode, shown, showErr) = Voicenpc("trace", "show", trace);
            Assert.That(showCode, Is.Zero, showErr);
            Assert.That(shown, Does.Contain("Player: how much is a shield").And.Contain("NPC: Shields are twenty gold"));
            Assert.That(shown, Does.Contain("turn 1").And.Contain("first sample heard").And.Contain("█"));
        }

        [Test]
        public void BargeInCutsTheReplyWhereThePlayerSpoke()
        {
            var (code, stdout, stderr) = Voicenpc("talk", "--character", RepoPaths.BlacksmithCharacter,
                "--input", RepoPaths.PlayerLine("02-what-do-you-sell.wav"),
                "--input", RepoPaths.PlayerLine("06-goodbye.wav"),
                "--output", _output, "--json", "--barge-in-after", "1000");
            Assert.That(code, Is.Zero, stderr);

            var turns = JsonDocument.Parse(stdout).RootElement.GetProperty("turns").EnumerateArray().ToList();
            Assert.That(turns[0].GetProperty("interrupted").GetBoolean(), Is.True);
            string heard = turns[0].GetProperty("npc_text").GetString()!;
            Assert.That("Swords, axes and shields, all forged right here. Take a look at the rack.", Does.StartWith(heard));
            Assert.That(heard.Length, Is.LessThan(50));
            var audio = WavFile.ReadAsPipelineAudio(turns[0].GetProperty("npc_audio").GetString()!);
            Assert.That(audio.Length / (double)AudioFormat.SampleRate, Is.LessThan(2.5), "audio ends where the player cut in");
        }

        [Test]
        public void InputThatIsNotAudioIsRefusedByNameBeforeAnythingRuns()
        {
            string bogus = Path.Combine(_output, "notes.wav");
            File.WriteAllText(bogus, "this is not audio");
            var (code, stdout, stderr) = Voicenpc("talk", "--character", RepoPaths.BlacksmithCharacter, "--input", bogus, "--output", _output, "--json");
            Assert.That(code, Is.EqualTo(1));
            Assert.That(stderr, Does.Contain(bogus).And.Contain("not a WAV file"));
            Assert.That(stdout, Is.Empty);
            Assert.That(Directory.GetFiles(_output, "*.wav").Select(Path.GetFileName), Is.EqualTo(new[] { "notes.wav" }));
        }

        [Test]
        public void EmptyAudioIsRefused()
        {
            string empty = Path.Combine(_output, "empty.wav");
            WavFile.Write(empty, ReadOnlySpan<short>.Empty);
            var (code, _, stderr) = Voicenpc("talk", "--character", RepoPaths.BlacksmithCharacter, "--input", empty, "--output", _output);
            Assert.That(code, Is.EqualTo(1));
            Assert.That(stderr, Does.Contain(empty).And.Contain("no audio"));
        }

        [Test]
        public void ValidateExitsZeroForTheSampleAndOneWithTheProblems()
        {
            Assert.That(Voicenpc("characters", "validate", RepoPaths.BlacksmithCharacter).Code, Is.Zero);
            string broken = Path.Combine(_output, "broken.character.json");
            File.WriteAllText(broken, "{ \"id\": \"x y\", \"displayName\": 3 }");
            var (code, stdout, _) = Voicenpc("characters", "validate", broken);
            Assert.That(code, Is.EqualTo(1));
            Assert.That(stdout, Does.Contain("$.displayName").And.Contain("$.id").And.Contain("$.intents"));
        }
    }
}
