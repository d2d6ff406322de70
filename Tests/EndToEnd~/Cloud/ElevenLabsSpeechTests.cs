using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using NUnit.Framework;
using VoiceNpc.Characters;
using VoiceNpc.Conversation;
using VoiceNpc.FakeCloud;
using VoiceNpc.Providers;
using VoiceNpc.Providers.Cloud;
using VoiceNpc.Providers.ElevenLabs;
using VoiceNpc.Tests.Support;
using VoiceNpc.Tts;

namespace VoiceNpc.Tests.EndToEnd.Cloud
{
    /// <summary>ElevenLabs streaming HTTP text-to-speech with timestamps against its loopback fake.</summary>
    public class ElevenLabsSpeechTests
    {
        private const string PlantedKey = "el-planted-secret-0123456789abcdef";
        private FakeElevenLabs _fake = null!;

        [SetUp]
        public void StartFake() => _fake = FakeElevenLabs.StartAsync().GetAwaiter().GetResult();

        [TearDown]
        public void StopFake() => _fake.DisposeAsync().AsTask().GetAwaiter().GetResult();

        private ElevenLabsSpeech Voice(string? key = null, int retries = 2) => new ElevenLabsSpeech(new ElevenLabsOptions
        {
            BaseUrl = _fake.BaseUrl, Key = CloudKey.FromValue(key ?? _fake.Key),
            Resilience = new ResilienceSettings { RetryDelay = TimeSpan.FromMilliseconds(10), MaxRetries = retries, AttemptTimeout = TimeSpan.FromSeconds(10), TotalTimeout = TimeSpan.FromSeconds(20) },
        });

        private static readonly VoiceSettings Rachel = new VoiceSettings(FakeElevenLabs.Voices[0], null, 1.1f);

        private static List<SpeechChunk> Speak(ElevenLabsSpeech voice, string text) => voice.SynthesizeAsync(text, Rachel, CancellationToken.None).ToBlockingList();

        [Test]
        public void SpeechStreamsInChunksWithSubtitleWordsAndVisemes()
        {
            var chunks = Speak(Voice(), "Well met, traveller.");
            Assert.That(chunks.Count(c => c.Samples.Length > 0), Is.GreaterThan(1), "streamed in chunks");
            Assert.That(chunks.SelectMany(c => c.Samples).Max(s => Math.Abs((int)s)), Is.GreaterThan(1000));

            var words = SpeechChunks.Join(chunks).Words;   // word times are relative to their chunk; joined, to the stream
            Assert.That(words.Select(w => w.Word), Is.EqualTo(new[] { "Well", "met,", "traveller." }));
            Assert.That(words.Select(w => w.Start), Is.Ordered);
            var visemes = chunks.SelectMany(c => c.Phones).Select(p => VisemeMap.ForPhone(p.Phone)).Distinct().ToList();
            Assert.That(visemes, Does.Contain(Viseme.U).And.Contain(Viseme.E).And.Contain(Viseme.Silence));

            var (voice, query, body) = _fake.Received.Single();
            Assert.That(voice, Is.EqualTo(FakeElevenLabs.Voices[0]));
            Assert.That(query, Does.Contain("output_format=pcm_16000"));
            Assert.That(body.RootElement.GetProperty("model_id").GetString(), Is.EqualTo("eleven_flash_v2_5"));
            Assert.That(body.RootElement.GetProperty("voice_settings").GetProperty("speed").GetDouble(), Is.EqualTo(1.1).Within(1e-6));
        }

        [Test]
        public void ABusyServiceIsRetried()
        {
            _fake.Knobs.ErrorStatus = 429;
            _fake.Knobs.ErrorCount = 1;
            Assert.That(Speak(Voice(), "Hello there."), Is.Not.Empty);
            Assert.That(_fake.Requests, Is.EqualTo(2));
        }

        [Test]
        public void AnExhaustedQuotaIsNotRetriedAndNoKeyIsShown()
        {
            _fake.Knobs.ErrorStatus = 401;
            var error = Assert.Throws<ProviderException>(() => Speak(Voice(), "Hello there."));
            Assert.That(error!.Message, Does.StartWith("elevenlabs: HTTP 401: quota_exceeded"));
            Assert.That(_fake.Requests, Is.EqualTo(1));

            var wrongKey = Assert.Throws<ProviderException>(() => Speak(Voice(PlantedKey), "Hello there."));
            Assert.That(wrongKey!.Message, Is.EqualTo("elevenlabs: HTTP 401: invalid_api_key: Invalid API key"));
            Assert.That(wrongKey.ToString(), Does.Not.Contain(PlantedKey.Substring(0, 12)));
        }

        [Test]
        public void AnUnknownVoiceIsNamed()
        {
            var error = Assert.Throws<ProviderException>(() => Voice().SynthesizeAsync("Hi.", new VoiceSettings("nobody"), CancellationToken.None).ToBlockingList());
            Assert.That(error!.Message, Does.Contain("voice_not_found").And.Contain("nobody"));
        }

        [TestCase("malformed")]
        [TestCase("dropped")]
        public void ABrokenStreamIsAFailure(string fault)
        {
            if (fault == "malformed") _fake.Knobs.MalformedAfterChunks = 1;
            else _fake.Knobs.DisconnectAfterChunks = 1;
            var error = Assert.Throws<ProviderException>(() => Speak(Voice(), "Well met, traveller, welcome to the forge."));
            Assert.That(error!.Message, Does.StartWith("elevenlabs: "));
        }

        [Test]
        public void AStreamThatStallsMidLineFails()
        {
            _fake.Knobs.ChunkInterval = TimeSpan.FromSeconds(20);
            var voice = new ElevenLabsSpeech(new ElevenLabsOptions { BaseUrl = _fake.BaseUrl, Key = CloudKey.FromValue(_fake.Key), StallTimeout = TimeSpan.FromMilliseconds(500) });
            var error = Assert.Throws<ProviderException>(() => Speak(voice, "Well met, traveller, welcome to the forge."));
            Assert.That(error!.Message, Does.Contain("the stream stalled"));
        }

        [Test]
        public void CancellingMidStreamClosesTheSocket()
        {
            _fake.Knobs.ChunkInterval = TimeSpan.FromMilliseconds(300);
            using var bargeIn = new CancellationTokenSource();
            var e = Voice().SynthesizeAsync("Well met, traveller, welcome to the forge.", Rachel, bargeIn.Token).GetAsyncEnumerator();
            Assert.That(e.MoveNextAsync().AsTask().GetAwaiter().GetResult(), Is.True);
            bargeIn.Cancel();
            Assert.That(() => e.MoveNextAsync().AsTask().GetAwaiter().GetResult(), Throws.InstanceOf<OperationCanceledException>());
            Eventually.Until(() => _fake.Aborted > 0, "the fake seeing the request cancelled", 10);
            Assert.That(_fake.Aborted, Is.EqualTo(1), "the fake saw the request cancelled");
        }

        [Test]
        public void TheVoicesOfTheAccountAreListed()
        {
            var voices = Voice().ListVoicesAsync(CancellationToken.None).GetAwaiter().GetResult();
            Assert.That(voices.Select(v => v.Name), Is.EqualTo(new[] { "Rachel", "Adam" }));
            Assert.That(voices[0].Id, Is.EqualTo(FakeElevenLabs.Voices[0]));
        }
    }
}
