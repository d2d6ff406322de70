using System;
using System.Linq;
using System.Threading;
using NUnit.Framework;
using VoiceNpc.Audio;
using VoiceNpc.Characters;
using VoiceNpc.FakeCloud;
using VoiceNpc.Providers;
using VoiceNpc.Providers.Cloud;
using VoiceNpc.Providers.OpenAI;
using VoiceNpc.Stt;
using VoiceNpc.Tests.Support;

namespace VoiceNpc.Tests.EndToEnd.Cloud
{
    /// <summary>OpenAI transcription (a buffered recogniser) and speech (a voice) through the official SDK against the fake.</summary>
    public class OpenAIAudioTests
    {
        private FakeOpenAI _fake = null!;

        [SetUp]
        public void StartFake() => _fake = FakeOpenAI.StartAsync().GetAwaiter().GetResult();

        [TearDown]
        public void StopFake() => _fake.DisposeAsync().AsTask().GetAwaiter().GetResult();

        private OpenAIAudioOptions Options => new OpenAIAudioOptions
        {
            BaseUrl = _fake.BaseUrl, Key = CloudKey.FromValue(_fake.Key),
            Resilience = new ResilienceSettings { RetryDelay = TimeSpan.FromMilliseconds(10), AttemptTimeout = TimeSpan.FromSeconds(10), TotalTimeout = TimeSpan.FromSeconds(20) },
        };

        [Test]
        public void AnUtteranceIsTranscribedWhenTheTurnEnds()
        {
            using var stt = new OpenAITranscription(Options);
            stt.PrepareAsync(RecognitionContext.For(CharacterLoader.Load(RepoPaths.BlacksmithCharacter)), CancellationToken.None).GetAwaiter().GetResult();
            using var stream = stt.StartAsync(new NoEvents(), CancellationToken.None).GetAwaiter().GetResult();
            var audio = WavFile.ReadAsPipelineAudio(RepoPaths.PlayerLine("04-how-much-is-a-shield.wav"));
            for (int i = 0; i < audio.Length; i += 320) stream.WriteAsync(audio.AsMemory(i, Math.Min(320, audio.Length - i)), CancellationToken.None).AsTask().GetAwaiter().GetResult();
            var transcript = stream.FinalizeAsync(CancellationToken.None).GetAwaiter().GetResult();
            Assert.That(transcript.Text, Is.EqualTo("how much is a shield"));
            Assert.That(_fake.Requests, Is.EqualTo(1));
        }

        [Test]
        public void ATranscriptionErrorIsAProviderFailure()
        {
            _fake.Knobs.ErrorStatus = 503;
            using var stt = new OpenAITranscription(Options with { Resilience = Options.Resilience with { MaxRetries = 1 } });
            using var stream = stt.StartAsync(new NoEvents(), CancellationToken.None).GetAwaiter().GetResult();
            stream.WriteAsync(new short[3200], CancellationToken.None).AsTask().GetAwaiter().GetResult();
            var error = Assert.Throws<ProviderException>(() => stream.FinalizeAsync(CancellationToken.None).GetAwaiter().GetResult());
            Assert.That(error!.Message, Does.StartWith("openai: HTTP 503"));
            Assert.That(_fake.Requests, Is.EqualTo(2), "a 503 is retried");
        }

        [Test]
        public void SpeechComesBackAsPipelineAudioWithEstimatedWords()
        {
            using var tts = new OpenAISpeech(Options);
            var chunk = tts.SynthesizeAsync("Well met, traveller.", new VoiceSettings("alloy"), CancellationToken.None).ToBlockingList().Single();
            Assert.That(chunk.Duration.TotalSeconds, Is.GreaterThan(0.6).And.LessThan(3));
            Assert.That(chunk.Samples.Max(s => Math.Abs((int)s)), Is.GreaterThan(1000), "not silence");
            Assert.That(chunk.Words.Select(w => w.Word), Is.EqualTo(new[] { "Well", "met,", "traveller." }));
            Assert.That(chunk.Words.Last().End, Is.EqualTo(chunk.Duration).Within(TimeSpan.FromMilliseconds(1)));
        }

        private sealed class NoEvents : ISpeechRecognitionEvents
        {
            public void OnInterim(Transcript transcript) { }
            public void OnEndOfSpeech() { }
        }
    }
}
