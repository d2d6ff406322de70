using System;
using NUnit.Framework;
using VoiceNpc.Audio;
using VoiceNpc.Tests.Support;

namespace VoiceNpc.Tests.Audio
{
    public class StreamingResamplerTests
    {
        private static float[] Run(StreamingResampler resampler, float[] input, int chunk)
        {
            var output = new float[(long)input.Length * resampler.OutputRate / resampler.InputRate + 8];
            int produced = 0;
            for (int at = 0; at < input.Length;)
            {
                int n = Math.Min(chunk, input.Length - at);
                var room = new Span<float>(output, produced, output.Length - produced);
                produced += resampler.Process(new ReadOnlySpan<float>(input, at, n), room, out int used);
                Assert.That(used, Is.EqualTo(n), "an output buffer with room takes every input");
                at += n;
            }
            Array.Resize(ref output, produced);
            return output;
        }

        [TestCase(48000)]
        [TestCase(44100)]
        public void UpsamplingA1KhzSineKeepsItsFrequencyAndLevelWithoutImagesAbove8Khz(int rate)
        {
            var input = Signal.Sine(16000, 1000, AudioFormat.SampleRate, 0.5);
            var output = Run(new StreamingResampler(AudioFormat.SampleRate, rate), input, 320);
            var steady = new ReadOnlySpan<float>(output, rate / 10, rate / 10 * 5);   // half a second, whole cycles of 1, 15 and 17 kHz

            Assert.That(Signal.Frequency(steady, rate), Is.EqualTo(1000).Within(1.0));
            Assert.That(Signal.AmplitudeAt(steady, 1000, rate), Is.EqualTo(0.5).Within(0.005));
            foreach (double image in new[] { 15000.0, 17000.0 })
            {
                double db = 20 * Math.Log10(Signal.AmplitudeAt(steady, image, rate) / 0.5);
                Assert.That(db, Is.LessThan(-60), $"image at {image} Hz");
            }
        }

        [TestCase(48000)]
        [TestCase(44100)]
        public void DownsamplingKeeps1KhzAndRemovesWhatWouldAliasBelow8Khz(int rate)
        {
            var resampler = new StreamingResampler(rate, AudioFormat.SampleRate);
            var speech = Run(resampler, Signal.Sine(rate, 1000, rate, 0.5), 480);
            var steadySpeech = new ReadOnlySpan<float>(speech, 1600, 8000);
            Assert.That(Signal.AmplitudeAt(steadySpeech, 1000, AudioFormat.SampleRate), Is.EqualTo(0.5).Within(0.005));

            // 12 kHz cannot be represented at 16 kHz: unfiltered it would come out as 4 kHz.
            resampler.Reset();
            var high = Run(resampler, Signal.Sine(rate, 12000, rate, 0.5), 480);
            double alias = Signal.AmplitudeAt(new ReadOnlySpan<float>(high, 1600, 8000), 4000, AudioFormat.SampleRate);
            double db = 20 * Math.Log10(alias / 0.5);
            Assert.That(db, Is.LessThan(-60));
        }

        [TestCase(16000, 48000)]
        [TestCase(16000, 44100)]
        [TestCase(44100, 16000)]
        [TestCase(48000, 16000)]
        [TestCase(16000, 16000)]
        [TestCase(16000, 44101)]   // more phases than the table holds: interpolated rows
        public void TheOutputDoesNotDependOnHowTheInputIsCut(int from, int to)
        {
            var random = new Random(7);
            var input = new float[from / 2];
            for (int i = 0; i < input.Length; i++) input[i] = (float)(random.NextDouble() * 2 - 1);
            var whole = Run(new StreamingResampler(from, to), input, input.Length);
            var resampler = new StreamingResampler(from, to);
            var output = new float[whole.Length + 8];
            int produced = 0;
            for (int at = 0; at < input.Length;)
            {
                // Odd input pieces into odd output room: a call may stop for either.
                int n = Math.Min(1 + random.Next(700), input.Length - at);
                int room = Math.Min(1 + random.Next(900), output.Length - produced);
                produced += resampler.Process(new ReadOnlySpan<float>(input, at, n), new Span<float>(output, produced, room), out int used);
                at += used;
            }
            // The last call may have stopped for room: what the inputs already allow still comes out.
            int more;
            while ((more = resampler.Process(ReadOnlySpan<float>.Empty, output.AsSpan(produced), out _)) > 0) produced += more;
            Assert.That(produced, Is.EqualTo(whole.Length));
            Assert.That(new ArraySegment<float>(output, 0, produced), Is.EqualTo(whole));
            long expected = (long)(input.Length - resampler.LookaheadSamples) * to / from;
            Assert.That(produced, Is.InRange(expected - 2, expected + 2), "no drift: outputs follow the exact rate ratio");
        }

        [Test]
        public void SameRatePassesSamplesThroughUnchanged()
        {
            var input = new float[] { 0.1f, -0.5f, 0.25f, 1f };
            Assert.That(Run(new StreamingResampler(16000, 16000), input, 3), Is.EqualTo(input));
        }

        [Test]
        public void CountsOnlyTheCountedInputsTheOutputHasReached()
        {
            var resampler = new StreamingResampler(16000, 48000);
            var output = new float[3000];
            resampler.Process(new float[900], output, out int used);
            Assert.That(used, Is.EqualTo(900));
            Assert.That(resampler.CountedInputsPassed + resampler.CountedInputsPending, Is.EqualTo(900));
            Assert.That(resampler.CountedInputsPending, Is.InRange(1, resampler.LookaheadSamples + 1));
            resampler.ProcessSilence(int.MaxValue, new Span<float>(new float[300]), out _);
            Assert.That(resampler.CountedInputsPassed, Is.EqualTo(900), "silence flushed the tail and is not counted");
        }

        [Test]
        public void ProcessingAllocatesNothing()
        {
            var resampler = new StreamingResampler(16000, 44100);
            var input = new float[341];
            var output = new float[1024];
            for (int i = 0; i < 10; i++) resampler.Process(input, output, out _);
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < 500; i++)
            {
                resampler.Process(input, output, out _);
                resampler.ProcessSilence(100, output, out _);
            }
            Assert.That(GC.GetAllocatedBytesForCurrentThread() - before, Is.Zero);
        }

        [Test]
        public void RatesMustBePositive()
        {
            Assert.That(() => new StreamingResampler(0, 16000),
                Throws.TypeOf<ArgumentOutOfRangeException>().With.Property("ParamName").EqualTo("inputRate"));
            Assert.That(() => new StreamingResampler(16000, -1),
                Throws.TypeOf<ArgumentOutOfRangeException>().With.Property("ParamName").EqualTo("outputRate"));
        }
    }
}
