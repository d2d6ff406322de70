using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using NUnit.Framework;
using VoiceNpc.Brain;
using VoiceNpc.Characters;
using VoiceNpc.FakeCloud;
using VoiceNpc.Memory;
using VoiceNpc.Providers;
using VoiceNpc.Providers.Cloud;
using VoiceNpc.Providers.OpenAI;
using VoiceNpc.Tests.Support;
using VoiceNpc.Tracing;

namespace VoiceNpc.Tests.EndToEnd.Cloud
{
    /// <summary>
    /// Slow, stalled and broken cloud services during a `voicenpc talk` turn, against the loopback fakes: each stage
    /// falls back within the turn, says so in --json and the trace, and the player gets a whole answer.
    /// </summary>
    public class CloudStageFailureTests : CloudFakesFixture
    {
        private const string PriceLine = "Shields are twenty gold, swords thirty. Repairs depend on the damage.";
        [Test]
        public void ASlowDeepgramHandsTheUtteranceToTheNextRecogniser()
        {
            _deepgram.Knobs.FirstByteLatency = TimeSpan.FromSeconds(30);
            var turn = TalkOneTurn(new { sttSeconds = 1.5 });

            Assert.That(Providers(turn), Is.EqualTo(("pocketsphinx", "openai", "elevenlabs")));
            Assert.That(turn.GetProperty("player_text").GetString(), Is.EqualTo("how much is a shield"));
            var fell = turn.GetProperty("fallbacks").EnumerateArray().Single();
            Assert.That((fell.GetProperty("stage").GetString(), fell.GetProperty("from").GetString()), Is.EqualTo(("stt", "deepgram")));
            Assert.That(fell.GetProperty("reason").GetString(), Does.Contain("1.5 s"));
            Assert.That(TracedFallbacks().Single()["stage"], Is.EqualTo("stt"));
        }

        [Test]
        public void AFinalWithoutFromFinalizeThatReachesTheEndOfTheAudioEndsTheUtterance()
        {
            // The service may leave the flag out when little audio was left: the final covering the audio still ends it,
            // long before the 20 s deadline would hand the utterance on.
            _deepgram.OmitFromFinalize = true;
            var turn = TalkOneTurn(new { });

            Assert.That(Providers(turn).Stt, Is.EqualTo("deepgram"));
            Assert.That(turn.GetProperty("player_text").GetString(), Is.EqualTo("how much is a shield"));
            Assert.That(turn.GetProperty("fallbacks").EnumerateArray(), Is.Empty, "without the flag it waited out the deadline and fell back");
        }

        [Test]
        public void ABrainCutAfterItsFirstWordsIsContinuedByTheNextBrain()
        {
            _openai.Reply = _ => PriceLine;
            // The role chunk and four words: "Shields are twenty gold," has gone to the voice when the connection drops.
            _openai.Knobs.DisconnectAfterChunks = 6;
            var turn = TalkOneTurn(new { });

            Assert.That(Providers(turn), Is.EqualTo(("deepgram", "scripted", "elevenlabs")));
            Assert.That(turn.GetProperty("npc_text").GetString(), Is.EqualTo(PriceLine), "every word once: the scripted brain said the rest");
            var fell = turn.GetProperty("fallbacks").EnumerateArray().Single();
            Assert.That((fell.GetProperty("stage").GetString(), fell.GetProperty("from").GetString(), fell.GetProperty("to").GetString()),
                Is.EqualTo(("llm", "openai", "scripted")));
            Assert.That(fell.GetProperty("reason").GetString(), Does.StartWith("mid-reply: openai: "));
            Assert.That(TracedFallbacks().Single()["reason"], Is.EqualTo(fell.GetProperty("reason").GetString()));
            var memory = new MemoryStore(Path.Combine(_folder, "saves")).Load("brenna-blacksmith", "player").Memory;
            Assert.That(memory.Turns.Single().NpcText, Is.EqualTo(PriceLine));
        }

        [Test]
        public void AStalledBrainIsReplacedAtItsDeadline()
        {
            _openai.Knobs.ChunkInterval = TimeSpan.FromSeconds(30);
            var turn = TalkOneTurn(new { llmSeconds = 1.5 });

            Assert.That(Providers(turn).Llm, Is.EqualTo("scripted"));
            Assert.That(turn.GetProperty("npc_text").GetString(), Is.EqualTo(PriceLine));
            var fell = turn.GetProperty("fallbacks").EnumerateArray().Single();
            Assert.That(fell.GetProperty("reason").GetString(),
                Is.EqualTo("openai: the first words took longer than 1.5 s (the character's deadlines.llmSeconds)"));
        }

        [Test]
        public void AStalledVoiceIsReplacedAtItsDeadline()
        {
            _eleven.Knobs.FirstByteLatency = TimeSpan.FromSeconds(30);
            var turn = TalkOneTurn(new { ttsSeconds = 1.5 });

            Assert.That(Providers(turn).Tts, Is.EqualTo("flite"));
            Assert.That(turn.GetProperty("npc_audio").GetString(), Is.Not.Empty, "the NPC answered aloud");
            Assert.That(TracedFallbacks().Single()["reason"], Does.Contain("took longer than 1.5 s (the character's deadlines.ttsSeconds)"));
        }

        [Test]
        public void AStreamCutMidReplyCountsTowardTheCircuit()
        {
            _openai.Knobs.DisconnectAfterChunks = 3;
            using var brain = Brain();
            for (int i = 0; i < 3; i++)
                Assert.Throws<ProviderException>(() => brain.StreamReplyAsync(Request(), CancellationToken.None).ToBlockingList());
            int calls = _openai.Requests;

            var error = Assert.Throws<ProviderException>(() => brain.StreamReplyAsync(Request(), CancellationToken.None).ToBlockingList());
            Assert.That(error!.Message, Does.Contain("too many recent failures"));
            Assert.That(_openai.Requests, Is.EqualTo(calls), "an open circuit does not call the service");
        }

        [Test]
        public void ABrainThatContinuesAReplyIsGivenTheWordsAlreadySpoken()
        {
            using var brain = Brain();
            brain.StreamReplyAsync(Request() with { SpokenSoFar = "Shields are twenty gold," }, CancellationToken.None).ToBlockingList();

            var messages = _openai.Bodies.Single().RootElement.GetProperty("messages").EnumerateArray().ToList();
            Assert.That(messages[0].GetProperty("content").GetString(), Does.Contain("Continue that reply from exactly where it stops"));
            Assert.That(messages[^2].GetProperty("role").GetString(), Is.EqualTo("user"));
            Assert.That((messages[^1].GetProperty("role").GetString(), messages[^1].GetProperty("content").GetString()),
                Is.EqualTo(("assistant", "Shields are twenty gold,")));
        }

        private OpenAIChatBrain Brain() => new OpenAIChatBrain(new OpenAIBrainOptions
        {
            BaseUrl = _openai.BaseUrl, Key = CloudKey.FromValue(_openai.Key),
            Resilience = new ResilienceSettings { MaxRetries = 1, RetryDelay = TimeSpan.FromMilliseconds(10) },
        });

        private static BrainRequest Request() =>
            new BrainRequest(CharacterLoader.Load(RepoPaths.BlacksmithCharacter), "how much is a shield", new List<DialogueTurn>());

        private static (string Stt, string Llm, string Tts) Providers(JsonElement turn)
        {
            var p = turn.GetProperty("providers");
            return (p.GetProperty("stt").GetString()!, p.GetProperty("llm").GetString()!, p.GetProperty("tts").GetString()!);
        }

        private List<IReadOnlyDictionary<string, object?>> TracedFallbacks() =>
            TraceFile.Read(Path.Combine(_folder, "talk.vnpctrace")).Records.Where(r => r.Kind == "fallback").Select(r => r.Fields).ToList();

        /// <summary>One turn of Brenna on the cloud, with the deadlines given (the others generous).</summary>
        private JsonElement TalkOneTurn(object deadlines)
        {
            var json = CloudFakes.BrennaOnTheCloud();
            foreach (var (name, value) in JsonNode.Parse(JsonSerializer.Serialize(deadlines))!.AsObject())
                json["deadlines"]![name] = value!.GetValue<double>();
            string character = Path.Combine(_folder, "brenna-cloud.character.json");
            File.WriteAllText(character, json.ToJsonString());
            var args = new[] { "talk", "--character", character, "--input", RepoPaths.PlayerLine("04-how-much-is-a-shield.wav"),
                "--output", Path.Combine(_folder, "out"), "--json", "--trace", Path.Combine(_folder, "talk.vnpctrace"),
                "--memory-folder", Path.Combine(_folder, "saves") };
            var environment = Fakes.Environment(_deepgram.Key, _openai.Key, _eleven.Key);
            var (code, stdout, stderr) = VoicenpcProcess.Run(args, environment);
            Assert.That(code, Is.Zero, stderr);
            return JsonDocument.Parse(stdout).RootElement.GetProperty("turns").EnumerateArray().Single();
        }
    }
}
