using System;
using System.Collections.Generic;
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
    /// `voicenpc talk` with a character that points openai at another server than the one the user's key belongs to
    /// (two fakes on loopback, different ports): the key never goes there unless the user's secrets file binds a key to
    /// that host and the character names it; otherwise the brain cannot start and the chain falls back, saying why.
    /// </summary>
    [NonParallelizable]
    public class CliKeyBindingTests
    {
        private FakeOpenAI _bound = null!, _other = null!;
        private string _folder = "";

        [SetUp]
        public void Start()
        {
            _bound = FakeOpenAI.StartAsync("sk-bound-0123456789abcdef0123").GetAwaiter().GetResult();
            _other = FakeOpenAI.StartAsync("sk-other-fedcba9876543210fedc").GetAwaiter().GetResult();
            _folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "voicenpc-keys-" + Guid.NewGuid().ToString("N"))).FullName;
        }

        [TearDown]
        public void Stop()
        {
            _bound.DisposeAsync().AsTask().GetAwaiter().GetResult();
            _other.DisposeAsync().AsTask().GetAwaiter().GetResult();
            Directory.Delete(_folder, recursive: true);
        }

        private string OtherHost => new Uri(_other.BaseUrl).Authority;

        /// <summary>Brenna with openai as her brain (scripted after it), pointed by her file at the other server.</summary>
        private string Character(string? keyName = null)
        {
            var json = JsonNode.Parse(File.ReadAllText(RepoPaths.BlacksmithCharacter))!;
            var openai = new JsonObject { ["baseUrl"] = _other.BaseUrl };
            if (keyName != null) openai["key"] = keyName;
            json["cloud"] = new JsonObject { ["openai"] = openai };
            json["fallbacks"]!["llm"] = new JsonArray("openai", "scripted");
            string path = Path.Combine(_folder, "brenna-elsewhere.character.json");
            File.WriteAllText(path, json.ToJsonString());
            return path;
        }

        /// <summary>
        /// Talks one line; the user's own OpenAI key and base URL are the bound fake's, set together in the environment,
        /// and their secrets file holds the given named keys.
        /// </summary>
        private JsonElement Talk(string character, params (string Name, string Key, string BaseUrl)[] namedKeys)
        {
            var args = new[] { "talk", "--character", character, "--input", RepoPaths.PlayerLine("04-how-much-is-a-shield.wav"), "--output", Path.Combine(_folder, "out"), "--json" };
            var environment = new Dictionary<string, string?>
            {
                ["HOME"] = UserSecrets.Home(_folder, namedKeys), ["OPENAI_API_KEY"] = _bound.Key, ["OPENAI_BASE_URL"] = _bound.BaseUrl,
            };
            var (code, stdout, stderr) = VoicenpcProcess.Run(args, environment);
            Assert.That(code, Is.Zero, stderr);
            return JsonDocument.Parse(stdout).RootElement.GetProperty("turns")[0];
        }

        private static string BrainFallbackReason(JsonElement turn) =>
            turn.GetProperty("fallbacks").EnumerateArray().Single(f => f.GetProperty("from").GetString() == "openai").GetProperty("reason").GetString()!;

        [Test]
        public void ACharacterPointingTheBrainAtAnotherHostNeverGetsTheUsersKey()
        {
            var turn = Talk(Character());
            Assert.That(turn.GetProperty("providers").GetProperty("llm").GetString(), Is.EqualTo("scripted"));
            Assert.That(turn.GetProperty("npc_text").GetString(), Does.StartWith("Shields are twenty gold"));
            Assert.That(BrainFallbackReason(turn), Does.Contain($"character \"brenna-blacksmith\" points openai at {OtherHost}, but no key is configured for that host")
                .And.Contain("secrets.json"));
            Assert.That(_other.Requests, Is.Zero, "the other server was never called, so it never saw an Authorization header");
            Assert.That(_bound.Requests, Is.Zero, "nor was the bound server asked instead");
        }

        [Test]
        public void WithAKeyTheUserBoundToThatHostTheCharacterIsAnsweredThere()
        {
            var turn = Talk(Character(keyName: "other"), ("other", _other.Key, _other.BaseUrl));
            Assert.That(turn.GetProperty("providers").GetProperty("llm").GetString(), Is.EqualTo("openai"));
            Assert.That(turn.GetProperty("fallbacks").GetArrayLength(), Is.Zero);
            Assert.That(_other.Requests, Is.EqualTo(1), "answered by the other server, with the key bound to it (it refuses any other)");
            Assert.That(_bound.Requests, Is.Zero);
        }

        [Test]
        public void AKeyBoundToAnotherHostIsRefused()
        {
            var turn = Talk(Character(keyName: "mine"), ("mine", _bound.Key, _bound.BaseUrl));
            Assert.That(turn.GetProperty("providers").GetProperty("llm").GetString(), Is.EqualTo("scripted"));
            Assert.That(BrainFallbackReason(turn), Does.Contain($"points openai at {OtherHost} with key \"mine\", but that key is bound to {new Uri(_bound.BaseUrl).Authority}"));
            Assert.That(_other.Requests, Is.Zero, "the key bound to the first server never went to the other");
        }

        [Test]
        public void AKeyNameTheUserNeverConfiguredIsRefusedNamingIt()
        {
            var turn = Talk(Character(keyName: "groq"));
            Assert.That(turn.GetProperty("providers").GetProperty("llm").GetString(), Is.EqualTo("scripted"));
            Assert.That(BrainFallbackReason(turn), Does.Contain("character \"brenna-blacksmith\" names key \"groq\" for openai, but").And.Contain("has no key \"groq\""));
            Assert.That(_other.Requests + _bound.Requests, Is.Zero);
        }
    }
}
