using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading;
using NUnit.Framework;
using VoiceNpc.Brain;
using VoiceNpc.Characters;
using VoiceNpc.Conversation;
using VoiceNpc.FakeCloud;
using VoiceNpc.Providers;
using VoiceNpc.Providers.Cloud;
using VoiceNpc.Providers.OpenAI;
using VoiceNpc.Tests.Support;

namespace VoiceNpc.Tests.EndToEnd.Cloud
{
    /// <summary>The OpenAI brain (official SDK) against the loopback fake of Chat Completions, with every fault knob.</summary>
    public class OpenAIChatBrainTests
    {
        private const string PlantedKey = "sk-planted-secret-0123456789abcdef";
        private static readonly ResilienceSettings Fast = new ResilienceSettings
        {
            AttemptTimeout = TimeSpan.FromSeconds(2), TotalTimeout = TimeSpan.FromSeconds(8), MaxRetries = 2, RetryDelay = TimeSpan.FromMilliseconds(10),
        };
        private FakeOpenAI _fake = null!;

        [SetUp]
        public void StartFake() => _fake = FakeOpenAI.StartAsync().GetAwaiter().GetResult();

        [TearDown]
        public void StopFake() => _fake.DisposeAsync().AsTask().GetAwaiter().GetResult();

        private OpenAIChatBrain Brain(ResilienceSettings? resilience = null, string? key = null) => new OpenAIChatBrain(new OpenAIBrainOptions
        {
            BaseUrl = _fake.BaseUrl, Model = "gpt-4o-mini", Key = CloudKey.FromValue(key ?? _fake.Key), Resilience = resilience ?? Fast,
        });

        private static BrainRequest Request(string text, ConversationMemory? memory = null) =>
            new BrainRequest(CharacterLoader.Load(RepoPaths.BlacksmithCharacter), text, memory?.Turns ?? new List<DialogueTurn>()) { Memory = memory };

        private static List<string> Reply(ICharacterBrain brain, BrainRequest request) => brain.StreamReplyAsync(request, CancellationToken.None).ToBlockingList();

        [Test]
        public void TheReplyStreamsTokenByTokenFromTheCharactersPrompt()
        {
            var tokens = Reply(Brain(), Request("what do you sell"));
            Assert.That(tokens.Count, Is.GreaterThan(3), "streamed, not whole");
            Assert.That(string.Concat(tokens), Is.EqualTo("Aye, you asked about what do you sell. Let me think on that."));

            var body = _fake.Bodies.Single().RootElement;
            Assert.That(body.GetProperty("model").GetString(), Is.EqualTo("gpt-4o-mini"));
            Assert.That(body.GetProperty("stream").GetBoolean(), Is.True);
            var messages = body.GetProperty("messages").EnumerateArray().ToList();
            Assert.That(messages.First().GetProperty("role").GetString(), Is.EqualTo("system"));
            Assert.That(messages.First().GetProperty("content").GetString(), Does.StartWith("You are Brenna, the blacksmith of Oakford"));
            Assert.That(messages.Last().GetProperty("content").GetString(), Is.EqualTo("what do you sell"));
        }

        [Test]
        public void ALineTheGameGaveTheNpcIsHistoryWithoutAnEmptyPlayerMessage()
        {
            var history = new[] { new DialogueTurn("", "Bring me three iron bars.", false), new DialogueTurn("ok", "Good.", false) };
            var request = new BrainRequest(CharacterLoader.Load(RepoPaths.BlacksmithCharacter), "what now", history);
            Reply(Brain(), request);
            var messages = _fake.Bodies.Single().RootElement.GetProperty("messages").EnumerateArray()
                .Select(m => (m.GetProperty("role").GetString(), m.GetProperty("content").GetString())).Skip(1).ToList();
            Assert.That(messages, Is.EqualTo(new (string?, string?)[]
            {
                ("assistant", "Bring me three iron bars."), ("user", "ok"), ("assistant", "Good."), ("user", "what now"),
            }));
        }

        [Test]
        public void MemoryGoesIntoTheSystemPrompt()
        {
            var memory = new ConversationMemory(new[] { new DialogueTurn("hello", "Well met.", false) }, summary: "The player bought a shield.");
            memory.RememberFact("name", "The player is Aerin.", "game");
            Reply(Brain(), Request("do you remember me", memory));
            string system = _fake.Bodies.Single().RootElement.GetProperty("messages")[0].GetProperty("content").GetString()!;
            Assert.That(system, Does.Contain("- name: The player is Aerin.").And.Contain("Earlier: The player bought a shield.").And.Contain("Player: hello"));
        }

        [Test]
        public void ARateLimitIsRetriedAndTheReplyStillComes()
        {
            _fake.Knobs.ErrorStatus = 429;
            _fake.Knobs.ErrorCount = 1;
            Assert.That(string.Concat(Reply(Brain(), Request("hello"))), Does.StartWith("Aye"));
            Assert.That(_fake.Requests, Is.EqualTo(2));
        }

        [TestCase(401, "", "invalid_api_key")]
        [TestCase(429, "insufficient_quota", "insufficient_quota")]
        [TestCase(400, "bad_param", "bad_param")]
        public void ErrorsRetryingCannotFixAreNotRetried(int status, string code, string reported)
        {
            _fake.Knobs.ErrorStatus = status;
            _fake.Knobs.ErrorCode = code;
            var error = Assert.Throws<ProviderException>(() => Reply(Brain(), Request("hello")));
            Assert.That(error!.Message, Does.StartWith($"openai: HTTP {status}").And.Contain(reported));
            Assert.That(_fake.Requests, Is.EqualTo(1));
        }

        [Test]
        public void AWrongKeyIsReportedWithoutTheKey()
        {
            var error = Assert.Throws<ProviderException>(() => Reply(Brain(key: PlantedKey), Request("hello")));
            Assert.That(error!.Message, Does.Contain("invalid_api_key"));
            foreach (var text in new[] { error.Message, error.ToString(), CloudKey.FromValue(PlantedKey).ToString() })
                Assert.That(text, Does.Not.Contain(PlantedKey.Substring(0, 12)).And.Not.Contain(PlantedKey.Substring(PlantedKey.Length - 8)));
        }

        [Test]
        public void AConnectionDroppedMidReplyIsAFailureNotAShortReply()
        {
            _fake.Knobs.DisconnectAfterChunks = 4;
            var tokens = new List<string>();
            var error = Assert.Throws<ProviderException>(() =>
            {
                var e = Brain().StreamReplyAsync(Request("hello"), CancellationToken.None).GetAsyncEnumerator();
                while (e.MoveNextAsync().AsTask().GetAwaiter().GetResult()) tokens.Add(e.Current);
            });
            Assert.That(tokens, Is.Not.Empty, "the words before the drop were streamed");
            Assert.That(error!.Message, Does.Contain("ended before the reply was finished"));
        }

        [Test]
        public void AMalformedFrameIsAFailure()
        {
            _fake.Knobs.MalformedAfterChunks = 2;
            Assert.Throws<ProviderException>(() => Reply(Brain(), Request("hello")));
        }

        [Test]
        public void ASlowStartTimesOutAndClosesTheSocket()
        {
            _fake.Knobs.FirstByteLatency = TimeSpan.FromSeconds(5);
            var settings = Fast with { AttemptTimeout = TimeSpan.FromMilliseconds(300), MaxRetries = 1, TotalTimeout = TimeSpan.FromSeconds(3) };
            var error = Assert.Throws<ProviderException>(() => Reply(Brain(settings), Request("hello")));
            Assert.That(error!.Message, Does.Contain("no answer in time"));
            Assert.That(_fake.Requests, Is.EqualTo(2), "one retry");
            Eventually.Until(() => _fake.Aborted == 2, "the fake seeing both requests cancelled", 10);
        }

        [Test]
        public void CancellingMidReplyClosesTheSocket()
        {
            _fake.Knobs.ChunkInterval = TimeSpan.FromMilliseconds(300);
            using var bargeIn = new CancellationTokenSource();
            var e = Brain().StreamReplyAsync(Request("hello"), bargeIn.Token).GetAsyncEnumerator();
            Assert.That(e.MoveNextAsync().AsTask().GetAwaiter().GetResult(), Is.True);
            bargeIn.Cancel();
            Assert.That(() => e.MoveNextAsync().AsTask().GetAwaiter().GetResult(), Throws.InstanceOf<OperationCanceledException>());
            Eventually.Until(() => _fake.Aborted == 1, "the fake seeing the request cancelled", 10);
        }

        [Test]
        public void TheCircuitOpensAfterRepeatedFailuresAndStopsCallingTheService()
        {
            _fake.Knobs.ErrorStatus = 500;
            var brain = Brain(Fast with { MaxRetries = 1, CircuitMinimumThroughput = 3 });
            // The breaker sits outside the retries: it counts failed requests (turns), three of them open it.
            for (int i = 0; i < 3; i++) Assert.Throws<ProviderException>(() => Reply(brain, Request("hello")));
            int calls = _fake.Requests;
            var error = Assert.Throws<ProviderException>(() => Reply(brain, Request("hello")));
            Assert.That(error!.Message, Does.Contain("too many recent failures"));
            Assert.That(_fake.Requests, Is.EqualTo(calls), "an open circuit does not call the service");
        }

        [TestCase(false)]
        [TestCase(true)]
        public void AConversationFallsBackToTheScriptedBrainWithinTheTurn(bool failMidStream)
        {
            if (failMidStream) _fake.Knobs.DisconnectAfterChunks = 0;
            else _fake.Knobs.Outage = true;
            var harness = new ConversationHarness("what do you sell") { FirstBrain = Brain(Fast with { MaxRetries = 1 }) };
            harness.Run(new global::VoiceNpc.Audio.PlayerScript(new[] { ConversationHarness.Speech(0.6) }), 1);

            var turn = harness.Of<TurnCompleted>().Single().Metrics;
            Assert.That(turn.LlmProvider, Is.EqualTo("scripted"));
            Assert.That(turn.NpcText, Does.StartWith("Swords, axes and shields"));
            var fell = harness.Of<ProviderFellBack>().Single();
            Assert.That((fell.Stage, fell.From, fell.To), Is.EqualTo(("llm", "openai", "scripted")));
        }

        [Test]
        public void WithoutAKeyTheCharacterStartsOnItsNextBrain()
        {
            var saved = Environment.GetEnvironmentVariable("OPENAI_API_KEY");
            Environment.SetEnvironmentVariable("OPENAI_API_KEY", null);
            try
            {
                var character = CharacterLoader.Load(RepoPaths.BlacksmithCharacter) with
                {
                    Fallbacks = new StageChains(new[] { "energy" }, new[] { "pocketsphinx" }, new[] { "openai", "scripted" }, new[] { "flite" }),
                };
                var providers = CloudProviders.AddTo(new ProviderCatalog().AddVad("energy", () => new global::VoiceNpc.Vad.EnergyVad())
                        .AddStt("pocketsphinx", () => new global::VoiceNpc.Testing.ScriptedSpeechToText(new global::VoiceNpc.Timing.SystemClock(), new string[0]))
                        .AddLlm("scripted", () => new global::VoiceNpc.Providers.Scripted.ScriptedBrain()).AddTts("flite", () => new global::VoiceNpc.Testing.ToneTextToSpeech(new global::VoiceNpc.Timing.SystemClock())))
                    .Resolve(character, () => TimeSpan.Zero);
                Assert.That(providers.Llm.Current.Name, Is.EqualTo("scripted"));
                Assert.That(providers.Skipped.Single().Reason, Does.Contain("no key: set OPENAI_API_KEY"));
            }
            finally { Environment.SetEnvironmentVariable("OPENAI_API_KEY", saved); }
        }

        [Test]
        public void PlainHttpIsRefusedExceptToLoopback()
        {
            var error = Assert.Throws<ProviderException>(() => new OpenAIChatBrain(new OpenAIBrainOptions { BaseUrl = "http://api.example.com/v1", Key = CloudKey.FromValue("k") }));
            Assert.That(error!.Message, Is.EqualTo("openai: refuses plain http to api.example.com: use https (plain http only to loopback)"));
            Assert.DoesNotThrow(() => new OpenAIChatBrain(new OpenAIBrainOptions { BaseUrl = "http://[::1]:9/v1", Key = CloudKey.FromValue("k") }));
        }
    }
}
