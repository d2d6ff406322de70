using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using NUnit.Framework;
using VoiceNpc.Audio;
using VoiceNpc.Tests.Support;

namespace VoiceNpc.Tests.EndToEnd
{
    /// <summary>`voicenpc characters new|validate|preview-prompt|preview-voice|simulate-outage|bake`, as a designer runs them.</summary>
    public class CharacterVerbsTests
    {
        private string _folder = "";

        [SetUp]
        public void Folder() => _folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "voicenpc-verbs-" + Guid.NewGuid().ToString("N"))).FullName;

        [TearDown]
        public void Remove() => Directory.Delete(_folder, recursive: true);

        private static JsonElement Json(string stdout) => JsonDocument.Parse(stdout).RootElement;

        [Test]
        public void ANewCharacterValidatesAndASecondOneWithTheSameIdIsRefused()
        {
            var (code, stdout, stderr) = VoicenpcProcess.Run("characters", "new", "mira", "--name", "Mira the Herbalist", "--folder", _folder, "--json");
            Assert.That(code, Is.Zero, stderr);
            string path = Json(stdout).GetProperty("path").GetString()!;
            Assert.That(path, Is.EqualTo(Path.Combine(_folder, "mira.character.json")));
            var validate = VoicenpcProcess.Run("characters", "validate", path, "--json");
            Assert.That(validate.Code, Is.Zero, validate.Out);
            Assert.That(Json(validate.Out)[0].GetProperty("issues").GetArrayLength(), Is.Zero);
            Assert.That(VoicenpcProcess.Run("characters", "new", "mira", "--folder", _folder).Code, Is.EqualTo(1));
        }

        [Test]
        public void ValidateNamesPathExpectationAndHintAndExitsOneOnErrors()
        {
            var json = JsonNode.Parse(File.ReadAllText(RepoPaths.BlacksmithCharacter))!.AsObject();
            json["personna"] = "typo";
            json["turnTaking"]!["thinkingBudgetSeconds"] = 5;
            string path = Path.Combine(_folder, "broken.character.json");
            File.WriteAllText(path, json.ToJsonString());
            var (code, stdout, _) = VoicenpcProcess.Run("characters", "validate", path, "--json");
            Assert.That(code, Is.EqualTo(1));
            var issues = Json(stdout)[0].GetProperty("issues").EnumerateArray().ToList();
            var typo = issues.Single(i => i.GetProperty("json_path").GetString() == "$.personna");
            Assert.That(typo.GetProperty("severity").GetString(), Is.EqualTo("error"));
            Assert.That(typo.GetProperty("hint").GetString(), Is.EqualTo("did you mean \"persona\"?"));
            var human = VoicenpcProcess.Run("characters", "validate", path);
            Assert.That(human.Out, Does.Contain("invalid").And.Contain("$.personna").And.Contain("did you mean"));
        }

        [Test]
        public void PreviewPromptPrintsTheSystemPromptAndItsTokens()
        {
            var (code, stdout, stderr) = VoicenpcProcess.Run("characters", "preview-prompt", RepoPaths.BlacksmithCharacter, "--json");
            Assert.That(code, Is.Zero, stderr);
            var preview = Json(stdout);
            Assert.That(preview.GetProperty("system_prompt").GetString(), Does.StartWith("You are Brenna").And.Contain("Rules:"));
            Assert.That(preview.GetProperty("tokens").GetInt32(), Is.GreaterThan(50));
        }

        [Test]
        public void PreviewVoiceWritesAWavInTheCharactersVoice()
        {
            string wav = Path.Combine(_folder, "line.wav");
            var (code, stdout, stderr) = VoicenpcProcess.Run("characters", "preview-voice", RepoPaths.BlacksmithCharacter, "--line", "Mind the sparks.", "--output", wav, "--json");
            Assert.That(code, Is.Zero, stderr);
            var result = Json(stdout);
            Assert.That((result.GetProperty("provider").GetString(), result.GetProperty("voice").GetString()), Is.EqualTo(("flite", "awb")));
            Assert.That(WavFile.ReadAsPipelineAudio(wav).Length, Is.EqualTo((int)Math.Round(result.GetProperty("seconds").GetDouble() * AudioFormat.SampleRate)).Within(2));
            var missing = VoicenpcProcess.Run("characters", "preview-voice", RepoPaths.BlacksmithCharacter, "--line", "Hi.", "--provider", "elevenlabs", "--output", wav);
            Assert.That(missing.Code, Is.EqualTo(1));
            Assert.That(missing.Out + missing.Err, Does.Contain("no voice for \"elevenlabs\""));
        }

        [Test]
        public void SimulateOutageOnTheFakeCloudReportsTheFallbackPerTurn()
        {
            var json = JsonNode.Parse(File.ReadAllText(RepoPaths.BlacksmithCharacter))!.AsObject();
            json["voices"]!["elevenlabs"] = new JsonObject { ["voice"] = "my-own-voice-id" };
            json["fallbacks"] = JsonNode.Parse("{\"vad\":[\"energy\"],\"stt\":[\"pocketsphinx\"],\"llm\":[\"openai\",\"scripted\"],\"tts\":[\"elevenlabs\",\"flite\"]}");
            string path = Path.Combine(_folder, "cloud.character.json");
            File.WriteAllText(path, json.ToJsonString());
            var (code, stdout, stderr) = VoicenpcProcess.Run(new[] { "characters", "simulate-outage", path, "--line", "what do you sell", "--fail", "elevenlabs=handshake", "--fake-cloud", "--json" },
                new System.Collections.Generic.Dictionary<string, string?> { ["OPENAI_API_KEY"] = null, ["ELEVENLABS_API_KEY"] = null });
            Assert.That(code, Is.Zero, stderr);
            var turn = Json(stdout).GetProperty("turns")[0];
            Assert.That(turn.GetProperty("llm_provider").GetString(), Is.EqualTo("openai"), "the fake OpenAI answered");
            Assert.That(turn.GetProperty("tts_provider").GetString(), Is.EqualTo("flite"));
            Assert.That(turn.GetProperty("fallbacks").EnumerateArray().Select(f => f.GetString()), Has.Some.StartWith("tts: elevenlabs → flite"));
            Assert.That(Json(stdout).GetProperty("faults")[0].GetString(), Is.EqualTo("elevenlabs=handshake"));
        }

        [Test]
        public void BakedLinesAreWhatTalkThenSpeaksFromTheCache()
        {
            string cache = Path.Combine(_folder, "cache");
            var (code, stdout, stderr) = VoicenpcProcess.Run("characters", "bake", RepoPaths.BlacksmithCharacter, "--cache-folder", cache, "--json");
            Assert.That(code, Is.Zero, stderr);
            var lines = Json(stdout).GetProperty("lines").EnumerateArray().ToList();
            Assert.That(lines.Select(l => l.GetProperty("kind").GetString()), Has.Member("filler").And.Member("dont-understand").And.Member("deflection"));
            var talk = VoicenpcProcess.Run("talk", "--character", RepoPaths.BlacksmithCharacter, "--input", RepoPaths.PlayerLine("04-how-much-is-a-shield.wav"),
                "--output", Path.Combine(_folder, "out"), "--cache-folder", cache, "--json");
            Assert.That(talk.Code, Is.Zero, talk.Err);
            Assert.That(Json(talk.Out).GetProperty("turns")[0].GetProperty("providers").GetProperty("tts").GetString(), Is.EqualTo("cache"), "every clause of the reply was baked");
        }
    }
}
