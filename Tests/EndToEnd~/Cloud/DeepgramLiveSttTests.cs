using System;
using System.Collections.Generic;
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
    /// <summary>Deepgram live speech-to-text over its WebSocket protocol, against the loopback fake that really transcribes.</summary>
    public class DeepgramLiveSttTests
    {
        private FakeDeepgram _fake = null!;
        private static readonly short[] Shield = WavFile.ReadAsPipelineAudio(RepoPaths.PlayerLine("04-how-much-is-a-shield.wav"));

        [SetUp]
        public void StartFake() => _fake = FakeDeepgram.StartAsync().GetAwaiter().GetResult();

        [TearDown]
        public void StopFake() => _fake.DisposeAsync().AsTask().GetAwaiter().GetResult();

        private DeepgramLiveStt Stt(string? key = null, TimeSpan? keepAlive = null)
        {
            var stt = new DeepgramLiveStt(new DeepgramOptions
            {
                BaseUrl = _fake.BaseUrl, Key = CloudKey.FromValue(key ?? _fake.Key), KeepAliveInterval = keepAlive ?? TimeSpan.FromSeconds(4),
                ReconnectDelay = TimeSpan.FromMilliseconds(20), FinalizeTimeout = TimeSpan.FromSeconds(10),
                Resilience = new ResilienceSettings { RetryDelay = TimeSpan.FromMilliseconds(10), AttemptTimeout = TimeSpan.FromSeconds(5), TotalTimeout = TimeSpan.FromSeconds(10) },
            });
            stt.PrepareAsync(RecognitionContext.For(CharacterLoader.Load(RepoPaths.BlacksmithCharacter)), CancellationToken.None).GetAwaiter().GetResult();
            return stt;
        }

        private static Transcript Recognize(DeepgramLiveStt stt, Events events, CancellationToken cancellationToken = default)
        {
            using var stream = stt.StartAsync(events, cancellationToken).GetAwaiter().GetResult();
            for (int i = 0; i < Shield.Length; i += 320)
                stream.WriteAsync(Shield.AsMemory(i, Math.Min(320, Shield.Length - i)), cancellationToken).AsTask().GetAwaiter().GetResult();
            return stream.FinalizeAsync(cancellationToken).GetAwaiter().GetResult();
        }

        [Test]
        public void AnUtteranceIsTranscribedWithWordTimesAndInterimResults()
        {
            var events = new Events();
            var transcript = Recognize(Stt(), events);

            Assert.That(transcript.Text, Is.EqualTo("how much is a shield"));
            Assert.That(transcript.Words.Select(w => w.Text), Is.EqualTo(new[] { "how", "much", "is", "a", "shield" }));
            Assert.That(transcript.Words.Select(w => w.Start), Is.Ordered);
            Assert.That(transcript.Words.Last().End, Is.LessThanOrEqualTo(AudioFormat.DurationOf(Shield.Length) + TimeSpan.FromMilliseconds(5)));
            Assert.That(events.Interims, Is.Not.Empty, "interim results while the audio flowed");
            Assert.That((_fake.Finalizes, _fake.CloseStreams), Is.EqualTo((1, 1)));
            string query = _fake.Queries.Single();
            foreach (var part in new[] { "model=nova-3", "language=en", "encoding=linear16", "sample_rate=16000", "interim_results=true", "endpointing=300",
                         "utterance_end_ms=1000", "vad_events=true", "smart_format=true", "keyterm=shield" })
                Assert.That(query, Does.Contain(part));
        }

        [Test]
        public void ADroppedConnectionMidUtteranceLosesNoWords()
        {
            _fake.Knobs.DisconnectAfterChunks = 40;   // 0.8 s into the 1.6 s utterance
            _fake.Knobs.DisconnectCount = 1;
            var transcript = Recognize(Stt(), new Events());
            Assert.That(transcript.Text, Is.EqualTo("how much is a shield"), "the audio was sent again from the utterance's start");
            Assert.That(_fake.Connections, Is.EqualTo(2));
            Assert.That(transcript.Words.First().Start, Is.LessThan(TimeSpan.FromSeconds(0.5)), "times stay relative to the utterance");
        }

        [Test]
        public void ARefusedHandshakeIsNotRetried()
        {
            var error = Assert.Throws<ProviderException>(() => Recognize(Stt(key: "dg-planted-secret-0123456789"), new Events()));
            Assert.That(error!.Message, Is.EqualTo("deepgram: the handshake was refused with HTTP 401"));
            Assert.That(_fake.Connections, Is.EqualTo(1));
        }

        [Test]
        public void ASocketThatDiesAfterEveryHandshakeGivesUpInsteadOfLooping()
        {
            _fake.Knobs.DisconnectAfterChunks = 0;
            var error = Assert.Throws<ProviderException>(() => Recognize(Stt(), new Events()));
            Assert.That(error!.Message, Does.Contain("closed right after connecting 3 times"));
            Assert.That(_fake.Connections, Is.EqualTo(3));
        }

        [Test]
        public void KeepAliveFlowsWhileNoAudioDoes()
        {
            var stt = Stt(keepAlive: TimeSpan.FromMilliseconds(100));
            using var stream = stt.StartAsync(new Events(), CancellationToken.None).GetAwaiter().GetResult();
            stream.WriteAsync(Shield.AsMemory(0, 3200), CancellationToken.None).AsTask().GetAwaiter().GetResult();
            Eventually.Until(() => _fake.KeepAlives >= 2, "two KeepAlive messages", 10);
            Assert.That(_fake.KeepAlives, Is.GreaterThanOrEqualTo(2));
            Assert.That(_fake.Connections, Is.EqualTo(1), "the socket stayed open");
        }

        [Test]
        public void CancellingTheTurnClosesTheSocket()
        {
            _fake.Knobs.FirstByteLatency = TimeSpan.FromSeconds(10);
            using var bargeIn = new CancellationTokenSource();
            var stt = Stt();
            var stream = stt.StartAsync(new Events(), bargeIn.Token).GetAwaiter().GetResult();
            stream.WriteAsync(Shield.AsMemory(0, 3200), bargeIn.Token).AsTask().GetAwaiter().GetResult();
            var finalizing = stream.FinalizeAsync(bargeIn.Token);
            bargeIn.Cancel();
            Assert.That(() => finalizing.GetAwaiter().GetResult(), Throws.InstanceOf<OperationCanceledException>());
            stream.Dispose();
            Eventually.Until(() => _fake.Aborted > 0, "the fake seeing the request cancelled", 10);
            Assert.That(_fake.Aborted, Is.EqualTo(1));
        }

        private sealed class Events : ISpeechRecognitionEvents
        {
            public List<string> Interims { get; } = new List<string>();
            public void OnInterim(Transcript transcript) { lock (Interims) Interims.Add(transcript.Text); }
            public void OnEndOfSpeech() { }
        }
    }
}
