using System.Collections.Generic;
using System.Linq;
using System.Threading;
using NUnit.Framework;
using VoiceNpc.Authoring;
using VoiceNpc.Characters;
using VoiceNpc.Conversation;
using VoiceNpc.FakeCloud;
using VoiceNpc.Providers;
using VoiceNpc.Providers.Cloud;
using VoiceNpc.Providers.OpenAI;
using VoiceNpc.Tests.Support;

namespace VoiceNpc.Tests.EndToEnd.Cloud
{
    /// <summary>Outage rehearsal: a scripted conversation with chosen providers failing reports who answered each turn.</summary>
    public class OutageRehearsalTests
    {
        private FakeOpenAI _openai = null!;

        [SetUp]
        public void Start() => _openai = FakeOpenAI.StartAsync().GetAwaiter().GetResult();

        [TearDown]
        public void Stop() => _openai.DisposeAsync().AsTask().GetAwaiter().GetResult();

        /// <summary>Brenna thinking and speaking with OpenAI first (on the fake), the embedded providers behind.</summary>
        private (CharacterDefinition, ProviderCatalog) CloudBrenna()
        {
            var brenna = CharacterLoader.Load(RepoPaths.BlacksmithCharacter);
            var voices = new Dictionary<string, VoiceSettings>(brenna.Voices) { ["openai"] = new VoiceSettings("alloy") };
            var character = brenna with { Voices = voices, Fallbacks = new StageChains(new[] { "energy" }, new[] { "pocketsphinx" }, new[] { "openai", "scripted" }, new[] { "openai", "flite" }) };
            var key = CloudKey.FromValue(_openai.Key);
            var fast = new ResilienceSettings { RetryDelay = System.TimeSpan.FromMilliseconds(10), MaxRetries = 1 };
            var catalog = EmbeddedProviders.CreateCatalog()
                .AddLlm("openai", () => new OpenAIChatBrain(new OpenAIBrainOptions { BaseUrl = _openai.BaseUrl, Key = key, Resilience = fast }))
                .AddTts("openai", () => new OpenAISpeech(new OpenAIAudioOptions { BaseUrl = _openai.BaseUrl, Key = key, Resilience = fast }));
            return (character, catalog);
        }

        [Test]
        public void WithOpenAIDownTheScriptedBrainAndFliteAnswerAndTheReportSaysSo()
        {
            var (character, catalog) = CloudBrenna();
            var report = OutageRehearsal.RunAsync(character, catalog, new[] { "what do you sell", "how much is a shield" },
                new[] { RehearsalFault.Parse("openai=outage") }, CancellationToken.None).GetAwaiter().GetResult();

            Assert.That(report.Turns.Count, Is.EqualTo(2));
            var first = report.Turns[0];
            Assert.That((first.SttProvider, first.LlmProvider, first.TtsProvider), Is.EqualTo(("pocketsphinx", "scripted", "flite")));
            Assert.That(first.Heard, Is.EqualTo("what do you sell"));
            Assert.That(first.NpcText, Does.StartWith("Swords, axes and shields"));
            Assert.That(first.Fallbacks, Has.Some.StartWith("tts: openai → flite (openai: no connection: the service is unreachable (rehearsed outage))"));
            Assert.That(first.Fallbacks, Has.Some.StartWith("llm: openai → scripted"));
            Assert.That(report.Turns[1].NpcText, Does.StartWith("Shields are twenty gold"));
            Assert.That(report.Errors, Is.Empty);
            Assert.That(_openai.Requests, Is.Zero, "an outage never reaches the service");
        }

        [Test]
        public void WithoutFaultsTheCloudAnswers()
        {
            var (character, catalog) = CloudBrenna();
            var report = OutageRehearsal.RunAsync(character, catalog, new[] { "what do you sell" }, new RehearsalFault[0], CancellationToken.None).GetAwaiter().GetResult();
            var turn = report.Turns.Single();
            Assert.That((turn.LlmProvider, turn.TtsProvider), Is.EqualTo(("openai", "openai")));
            Assert.That(turn.Fallbacks, Is.Empty);
        }

        [TestCase("openai=mid-stream", ProviderFault.MidStream)]
        [TestCase("Deepgram=Handshake", ProviderFault.Handshake)]
        public void FaultsAreReadFromTheCommandLine(string text, ProviderFault kind) =>
            Assert.That(RehearsalFault.Parse(text).Kind, Is.EqualTo(kind));

        [Test]
        public void ABadFaultIsRefusedWithTheChoices() =>
            Assert.That(() => RehearsalFault.Parse("openai=down"), Throws.InstanceOf<System.FormatException>().With.Message.Contains("handshake, mid-stream, outage"));
    }
}
