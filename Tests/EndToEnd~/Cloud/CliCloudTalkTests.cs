using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using NUnit.Framework;
using VoiceNpc.FakeCloud;
using VoiceNpc.Tests.Support;

namespace VoiceNpc.Tests.EndToEnd.Cloud
{
    /// <summary>
    /// `voicenpc talk` on the cloud path, against the three fakes: with the right keys every stage is answered by its
    /// cloud provider; with wrong keys every stage falls back to the embedded one within the turn, and no output,
    /// trace or save contains a key.
    /// </summary>
    [NonParallelizable]
    public class CliCloudTalkTests : CloudFakesFixture
    {
        private const string PlantedDeepgram = "dg-planted-0123456789abcdef", PlantedOpenAI = "sk-planted-0123456789abcdef", PlantedEleven = "el-planted-0123456789abcdef";
        /// <summary>Brenna with cloud providers first in every chain and the embedded ones as fallbacks.</summary>
        private string CloudCharacter(bool ownUrls)
        {
            var json = CloudFakes.BrennaOnTheCloud();
            if (ownUrls)
                json["cloud"] = new JsonObject
                {
                    ["deepgram"] = new JsonObject { ["baseUrl"] = _deepgram.BaseUrl, ["model"] = "nova-2", ["key"] = "fake-deepgram" },
                    ["openai"] = new JsonObject { ["baseUrl"] = _openai.BaseUrl, ["model"] = "llama-3.1-8b", ["key"] = "fake-openai" },
                    ["elevenlabs"] = new JsonObject { ["baseUrl"] = _eleven.BaseUrl, ["key"] = "fake-elevenlabs" },
                };
            string path = Path.Combine(_folder, "brenna-cloud.character.json");
            File.WriteAllText(path, json.ToJsonString());
            return path;
        }

        private (int Code, string Out, string Err) Talk(string deepgramKey, string openaiKey, string elevenKey, bool ownUrls = false)
        {
            var args = new[] { "talk", "--character", CloudCharacter(ownUrls),
                "--input", RepoPaths.PlayerLine("04-how-much-is-a-shield.wav"), "--output", Path.Combine(_folder, "out"), "--json",
                "--trace", Path.Combine(_folder, "talk.vnpctrace"), "--memory-folder", Path.Combine(_folder, "saves") };
            var environment = new Dictionary<string, string?> { ["DEEPGRAM_API_KEY"] = deepgramKey, ["OPENAI_API_KEY"] = openaiKey, ["ELEVENLABS_API_KEY"] = elevenKey };
            // The environment's keys are bound to the vendors' endpoints: the character's own endpoints need keys bound to them.
            if (ownUrls)
                environment["HOME"] = UserSecrets.Home(_folder, ("fake-deepgram", deepgramKey, _deepgram.BaseUrl), ("fake-openai", openaiKey, _openai.BaseUrl),
                    ("fake-elevenlabs", elevenKey, _eleven.BaseUrl));
            else
            {
                environment["DEEPGRAM_BASE_URL"] = _deepgram.BaseUrl;
                environment["OPENAI_BASE_URL"] = _openai.BaseUrl;
                environment["ELEVENLABS_BASE_URL"] = _eleven.BaseUrl;
            }
            return VoicenpcProcess.Run(args, environment);
        }

        [Test]
        public void WithKeysEveryStageIsAnsweredByItsCloudProviderAtTheCharactersOwnEndpoints()
        {
            var (code, stdout, stderr) = Talk(_deepgram.Key, _openai.Key, _eleven.Key, ownUrls: true);
            Assert.That(code, Is.Zero, stderr);
            var turn = JsonDocument.Parse(stdout).RootElement.GetProperty("turns")[0];
            var providers = turn.GetProperty("providers");
            Assert.That((providers.GetProperty("stt").GetString(), providers.GetProperty("llm").GetString(), providers.GetProperty("tts").GetString()),
                Is.EqualTo(("deepgram", "openai", "elevenlabs")));
            Assert.That(turn.GetProperty("player_text").GetString(), Is.EqualTo("how much is a shield"));
            Assert.That(turn.GetProperty("npc_text").GetString(), Does.Contain("how much is a shield"), "the fake LLM's reply");
            Assert.That(_deepgram.Queries.Single(), Does.Contain("model=nova-2"), "the character's model");
            Assert.That(_openai.Bodies.Single().RootElement.GetProperty("model").GetString(), Is.EqualTo("llama-3.1-8b"));
        }

        [Test]
        public void AFillerCoversASlowBrainThatThenFailsAndTheFallbackAnswers()
        {
            // Past the character's 1.2 s thinking budget, then the stream is cut before its first token (every attempt).
            _openai.Knobs.FirstByteLatency = TimeSpan.FromSeconds(2);
            _openai.Knobs.DisconnectAfterChunks = 0;
            var (code, stdout, stderr) = Talk(_deepgram.Key, _openai.Key, _eleven.Key);
            Assert.That(code, Is.Zero, stderr);
            var turn = JsonDocument.Parse(stdout).RootElement.GetProperty("turns")[0];
            Assert.That(turn.GetProperty("filler_played").GetBoolean(), Is.True, "a filler played while the brain was failing");
            Assert.That(turn.GetProperty("providers").GetProperty("llm").GetString(), Is.EqualTo("scripted"));
            Assert.That(turn.GetProperty("npc_text").GetString(), Does.StartWith("Shields are twenty gold"));
            Assert.That(turn.GetProperty("fallbacks").EnumerateArray().Select(f => f.GetProperty("from").GetString()), Does.Contain("openai"));
        }

        [Test]
        public void WithWrongKeysEveryStageFallsBackAndNoKeyAppearsAnywhere()
        {
            var (code, stdout, stderr) = Talk(PlantedDeepgram, PlantedOpenAI, PlantedEleven);
            Assert.That(code, Is.Zero, stderr);
            var turn = JsonDocument.Parse(stdout).RootElement.GetProperty("turns")[0];
            var providers = turn.GetProperty("providers");
            Assert.That((providers.GetProperty("stt").GetString(), providers.GetProperty("llm").GetString(), providers.GetProperty("tts").GetString()),
                Is.EqualTo(("pocketsphinx", "scripted", "flite")));
            Assert.That(turn.GetProperty("npc_text").GetString(), Does.StartWith("Shields are twenty gold"));
            var fallbacks = turn.GetProperty("fallbacks").EnumerateArray().Select(f => f.GetProperty("from").GetString()).ToList();
            Assert.That(fallbacks, Is.SupersetOf(new[] { "deepgram", "openai" }));

            var outputs = new List<(string Name, string Text)> { ("stdout", stdout), ("stderr", stderr) };
            foreach (var file in Directory.GetFiles(_folder, "*", SearchOption.AllDirectories))
                outputs.Add((file, System.Text.Encoding.Latin1.GetString(File.ReadAllBytes(file))));
            foreach (var (name, text) in outputs)
                foreach (var key in new[] { PlantedDeepgram, PlantedOpenAI, PlantedEleven })
                {
                    Assert.That(text, Does.Not.Contain(key.Substring(0, 12)), $"{name} holds the start of a key");
                    Assert.That(text, Does.Not.Contain(key.Substring(key.Length - 10)), $"{name} holds the end of a key");
                }
        }
    }
}
