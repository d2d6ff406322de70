using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;
using VoiceNpc.Audio;
using VoiceNpc.Characters;
using VoiceNpc.Providers;
using VoiceNpc.Providers.Flite;
using VoiceNpc.Tts;

namespace VoiceNpc.Tests.Providers
{
    // Synchronous tests that block on the provider: Unity's NUnit 3.5 fork has no async tests.
    public sealed class FliteTextToSpeechTests
    {
        private const string Line = "Hello traveller, what do you need";
        private static readonly VoiceSettings Kal = new VoiceSettings("kal");

        private FliteTextToSpeech tts = null!;

        private static IEnumerable<string> AllVoices => FliteTextToSpeech.Voices;

        [SetUp]
        public void SetUp() => tts = new FliteTextToSpeech();

        [TearDown]
        public void TearDown() => tts.Dispose();

        [Test]
        public void NameIsFlite() => Assert.That(tts.Name, Is.EqualTo("flite"));

        [Test]
        public void SpeaksALineAsOneAudibleChunkOfPlausibleLength()
        {
            List<SpeechChunk> chunks = Speak(Line, Kal);

            Assert.That(chunks, Has.Count.EqualTo(1));
            Assert.That(chunks[0].Duration, Is.InRange(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(4)));
            Assert.That(Rms(chunks[0].Samples), Is.GreaterThan(500));
        }

        [Test]
        public void AudioIsAt16kHz()
        {
            // kal speaks at 8 kHz: if it were not resampled, the clip would last half as long as its own phones say.
            SpeechChunk chunk = Speak(Line, Kal).Single();

            TimeSpan phonesEnd = chunk.Phones[chunk.Phones.Count - 1].End;
            Assert.That(Math.Abs((chunk.Duration - phonesEnd).TotalMilliseconds), Is.LessThan(50));
        }

        [Test]
        public void WordTimingsFollowTheTextInOrderInsideTheClip()
        {
            SpeechChunk chunk = Speak(Line, Kal).Single();

            Assert.That(chunk.Words.Select(w => w.Word.ToLowerInvariant()), Is.EqualTo(WordsOf(Line)));
            TimeSpan previousEnd = TimeSpan.Zero;
            foreach (WordTiming word in chunk.Words)
            {
                Assert.That(word.Start, Is.GreaterThanOrEqualTo(previousEnd), word.Word);
                Assert.That(word.End, Is.GreaterThan(word.Start), word.Word);
                Assert.That(word.End, Is.LessThanOrEqualTo(chunk.Duration), word.Word);
                previousEnd = word.End;
            }
        }

        [Test]
        public void PhoneTimingsCoverTheClipWithoutGaps()
        {
            SpeechChunk chunk = Speak(Line, Kal).Single();

            Assert.That(chunk.Phones, Is.Not.Empty);
            Assert.That(chunk.Phones[0].Start, Is.EqualTo(TimeSpan.Zero));
            for (int i = 1; i < chunk.Phones.Count; i++)
                Assert.That(chunk.Phones[i].Start, Is.EqualTo(chunk.Phones[i - 1].End), $"phone {i}");
            Assert.That(chunk.Phones.Select(p => p.Phone), Has.Member("pau"));
            TimeSpan uncovered = chunk.Duration - chunk.Phones[chunk.Phones.Count - 1].End;
            Assert.That(uncovered.TotalMilliseconds, Is.LessThan(50));
        }

        [Test]
        public void FasterRateGivesAShorterClip()
        {
            TimeSpan normal = Speak(Line, Kal).Single().Duration;
            TimeSpan fast = Speak(Line, Kal with { Rate = 1.5f }).Single().Duration;

            Assert.That(fast.TotalSeconds, Is.LessThan(normal.TotalSeconds * 0.8));
        }

        // kal is a diphone voice whose pitch target is a voice feature; slt is a statistical (clustergen) voice whose
        // pitch comes from its model unless the feature is set.
        [TestCase("kal", 90, 160)]
        [TestCase("slt", 130, 230)]
        public void PitchMovesTheMeasuredPitch(string voice, float low, float high)
        {
            double measuredLow = MedianPitch(Speak(Line, new VoiceSettings(voice, low)).Single().Samples);
            double measuredHigh = MedianPitch(Speak(Line, new VoiceSettings(voice, high)).Single().Samples);

            Assert.That(measuredLow, Is.InRange(low * 0.75, low * 1.25));
            Assert.That(measuredHigh, Is.InRange(high * 0.75, high * 1.25));
            Assert.That(measuredHigh, Is.GreaterThan(measuredLow * 1.3));
        }

        [Test]
        public void NoPitchRestoresTheVoicesOwnPitch()
        {
            short[] before = Speak(Line, Kal).Single().Samples;
            Speak(Line, Kal with { Pitch = 160, Rate = 1.3f });
            short[] after = Speak(Line, Kal).Single().Samples;

            Assert.That(after, Is.EqualTo(before));
        }

        [Test]
        public void NoPitchRestoresTheModelsPitch()
        {
            // slt's unvoiced excitation is random noise, so compare the pitch rather than the samples.
            var slt = new VoiceSettings("slt");
            double before = MedianPitch(Speak(Line, slt).Single().Samples);
            Speak(Line, slt with { Pitch = 260 });
            double after = MedianPitch(Speak(Line, slt).Single().Samples);

            Assert.That(after, Is.EqualTo(before).Within(5).Percent);
        }

        [TestCaseSource(nameof(AllVoices))]
        public void EveryVoiceSpeaks(string voice)
        {
            SpeechChunk chunk = Speak(Line, new VoiceSettings(voice)).Single();

            Assert.That(chunk.Duration, Is.InRange(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(4)));
            Assert.That(Rms(chunk.Samples), Is.GreaterThan(300));
            Assert.That(chunk.Words, Has.Count.EqualTo(WordsOf(Line).Length));
        }

        [Test]
        public void VoiceNamesAreCaseInsensitive() =>
            Assert.That(Speak("Hello", new VoiceSettings("KAL")), Has.Count.EqualTo(1));

        [Test]
        public void UnknownVoiceThrowsAProviderExceptionNamingIt()
        {
            Assert.That(() => Speak(Line, new VoiceSettings("gandalf")),
                Throws.InstanceOf<ProviderException>()
                    .With.Message.Contains("gandalf")
                    .And.Message.Contains("kal"));
        }

        [Test]
        public void NonPositiveRateThrowsAProviderException() =>
            Assert.That(() => Speak(Line, Kal with { Rate = 0 }), Throws.InstanceOf<ProviderException>());

        [TestCase("")]
        [TestCase("  \n\t")]
        public void BlankTextYieldsNoChunk(string text) => Assert.That(Speak(text, Kal), Is.Empty);

        [Test]
        public void CancelledBeforeStartThrows()
        {
            using (var cancelled = new CancellationTokenSource())
            {
                cancelled.Cancel();
                Assert.That(() => Speak(Line, Kal, cancelled.Token), Throws.InstanceOf<OperationCanceledException>());
            }
        }

        [Test]
        public void ConcurrentRequestsAllSucceed()
        {
            Task<List<SpeechChunk>>[] requests = Enumerable.Range(0, 4)
                .Select(i => Task.Run(() => Speak(Line, new VoiceSettings(i % 2 == 0 ? "kal" : "slt", Pitch: 100 + 20 * i))))
                .ToArray();

            Assert.That(Task.WaitAll(requests, TimeSpan.FromSeconds(60)), Is.True);
            Assert.That(requests.Select(r => r.Result.Count), Is.All.EqualTo(1));
        }

        private List<SpeechChunk> Speak(string text, VoiceSettings voice, CancellationToken cancellationToken = default) =>
            Collect(tts.SynthesizeAsync(text, voice, cancellationToken)).GetAwaiter().GetResult();

        private static async Task<List<SpeechChunk>> Collect(IAsyncEnumerable<SpeechChunk> chunks)
        {
            var list = new List<SpeechChunk>();
            await foreach (SpeechChunk chunk in chunks.ConfigureAwait(false)) list.Add(chunk);
            return list;
        }

        private static string[] WordsOf(string text) =>
            text.ToLowerInvariant().Split(new[] { ' ', ',', '.', '?', '!' }, StringSplitOptions.RemoveEmptyEntries);

        private static double Rms(short[] samples) => Rms(samples, 0, samples.Length);

        private static double Rms(short[] samples, int start, int count)
        {
            double sum = 0;
            for (int i = start; i < start + count; i++) sum += (double)samples[i] * samples[i];
            return count == 0 ? 0 : Math.Sqrt(sum / count);
        }

        /// <summary>
        /// Median pitch (Hz) of the loud, periodic 40 ms frames, by normalized autocorrelation. Of the lags that correlate
        /// almost as well as the best, the shortest wins, so a period's multiples do not halve the estimate.
        /// </summary>
        private static double MedianPitch(short[] samples)
        {
            const int frame = AudioFormat.SampleRate / 25, hop = frame / 2;
            const int minLag = AudioFormat.SampleRate / 400, maxLag = AudioFormat.SampleRate / 60;
            double loud = Rms(samples) * 0.5;
            var pitches = new List<double>();
            for (int start = 0; start + frame + maxLag <= samples.Length; start += hop)
            {
                if (Rms(samples, start, frame) < loud) continue;
                var r = new double[maxLag + 1];
                double best = 0;
                for (int lag = minLag; lag <= maxLag; lag++)
                {
                    r[lag] = Correlation(samples, start, lag, frame);
                    best = Math.Max(best, r[lag]);
                }
                if (best < 0.6) continue; // not periodic enough: unvoiced or noisy
                for (int lag = minLag + 1; lag < maxLag; lag++)
                {
                    if (r[lag] >= 0.9 * best && r[lag] >= r[lag - 1] && r[lag] >= r[lag + 1])
                    {
                        pitches.Add((double)AudioFormat.SampleRate / lag);
                        break;
                    }
                }
            }
            Assert.That(pitches, Has.Count.GreaterThan(5), "voiced frames");
            pitches.Sort();
            return pitches[pitches.Count / 2];
        }

        private static double Correlation(short[] x, int start, int lag, int length)
        {
            double cross = 0, a = 0, b = 0;
            for (int i = start; i < start + length; i++)
            {
                cross += (double)x[i] * x[i + lag];
                a += (double)x[i] * x[i];
                b += (double)x[i + lag] * x[i + lag];
            }
            return a == 0 || b == 0 ? 0 : cross / Math.Sqrt(a * b);
        }
    }
}
