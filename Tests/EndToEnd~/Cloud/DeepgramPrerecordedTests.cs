using System;
using System.Linq;
using System.Threading;
using NUnit.Framework;
using VoiceNpc.Audio;
using VoiceNpc.Characters;
using VoiceNpc.FakeCloud;
using VoiceNpc.Providers;
using VoiceNpc.Providers.Cloud;
using VoiceNpc.Providers.Deepgram;
using VoiceNpc.Stt;
using VoiceNpc.Tests.Support;

namespace VoiceNpc.Tests.EndToEnd.Cloud
{
    /// <summary>Deepgram's pre-recorded endpoint (POST /v1/listen) as a buffered recogniser, against the fake.</summary>
    public class DeepgramPrerecordedTests
    {
        private FakeDeepgram _fake = null!;

        [SetUp]
        public void StartFake() => _fake = FakeDeepgram.StartAsync().GetAwaiter().GetResult();

        [TearDown]
        public void StopFake() => _fake.DisposeAsync().AsTask().GetAwaiter().GetResult();

        private DeepgramPrerecorded Stt(string? key = null) => new DeepgramPrerecorded(new DeepgramOptions
        {
            BaseUrl = _fake.BaseUrl, Key = CloudKey.FromValue(key ?? _fake.Key),
            Resilience = new ResilienceSettings { RetryDelay = TimeSpan.FromMilliseconds(10), AttemptTimeout = TimeSpan.FromSeconds(10), TotalTimeout = TimeSpan.FromSeconds(20) },
        });

        [Test]
        public void ARecordingIsTranscribedInOneRequest()
        {
            var stt = Stt();
            stt.PrepareAsync(RecognitionContext.For(CharacterLoader.Load(RepoPaths.BlacksmithCharacter)), CancellationToken.None).GetAwaiter().GetResult();
            var transcript = stt.TranscribeAsync(WavFile.ReadAsPipelineAudio(RepoPaths.PlayerLine("04-how-much-is-a-shield.wav")), CancellationToken.None).GetAwaiter().GetResult();
            Assert.That(transcript.Text, Is.EqualTo("how much is a shield"));
            Assert.That(transcript.Words, Has.Count.EqualTo(5));
            Assert.That(_fake.Queries.Single(), Does.Contain("model=nova-3").And.Contain("keyterm=shield"));
        }

        [Test]
        public void AWrongKeyIsNotRetried()
        {
            var error = Assert.Throws<ProviderException>(() => Stt("dg-planted-0123456789abcdef").TranscribeAsync(new short[1600], CancellationToken.None).GetAwaiter().GetResult());
            Assert.That(error!.Message, Does.StartWith("deepgram-prerecorded: HTTP 401").And.Contain("INVALID_AUTH"));
            Assert.That(error.Message, Does.Not.Contain("dg-planted"));
            Assert.That(_fake.Connections, Is.EqualTo(1));
        }
    }
}
