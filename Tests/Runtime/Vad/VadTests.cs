using System;
using System.Linq;
using NUnit.Framework;
using VoiceNpc.Audio;
using VoiceNpc.Characters;
using VoiceNpc.Hosting;
using VoiceNpc.Providers.Flite;
using VoiceNpc.Tests.Support;
using VoiceNpc.Vad;

namespace VoiceNpc.Tests.Vad
{
    /// <summary>Both VADs on silence, steady noise and real (Flite) speech.</summary>
    public class VadTests
    {
        private static short[] Speech() =>
            new FliteTextToSpeech().SynthesizeAsync("Can you repair my sword before the battle tomorrow", new VoiceSettings("kal16"), default)
                .ToBlockingList().SelectMany(c => c.Samples).ToArray();

        private static short[] Noise(double seconds, double amplitude)
        {
            var random = new Random(7);
            return Enumerable.Range(0, (int)(seconds * AudioFormat.SampleRate)).Select(_ => (short)((random.NextDouble() * 2 - 1) * amplitude * 32767)).ToArray();
        }

        private static float[] Probabilities(IVoiceActivityDetector vad, short[] audio)
        {
            var result = new float[audio.Length / AudioFormat.FrameSamples];
            for (int f = 0; f < result.Length; f++) result[f] = vad.Process(new ReadOnlySpan<short>(audio, f * AudioFormat.FrameSamples, AudioFormat.FrameSamples));
            return result;
        }

        private static IVoiceActivityDetector Silero() => new SileroVad(ModelCheck.Require(ModelFiles.Silero));

        [Test]
        public void SileroLoadedFromBytesHearsAsFromTheFile()
        {
            using var fromFile = Silero();
            using var fromBytes = new SileroVad(ModelCheck.ReadVerified(ModelFiles.Silero));
            var audio = Speech();
            Assert.That(Probabilities(fromBytes, audio), Is.EqualTo(Probabilities(fromFile, audio)));
        }

        [Test]
        public void SileroHearsSpeechAndNotSilenceOrNoise()
        {
            using var vad = Silero();
            Assert.That(Probabilities(vad, new short[AudioFormat.SampleRate]).Max(), Is.LessThan(0.2f));
            vad.Reset();
            var noise = Probabilities(vad, Noise(2, 0.05));
            Assert.That(noise.Count(p => p >= 0.5f), Is.LessThan(noise.Length / 10));
            vad.Reset();
            var speech = Probabilities(vad, Speech());
            Assert.That(speech.Count(p => p >= 0.5f), Is.GreaterThan(speech.Length / 2));
        }

        [Test]
        public void EnergyVadHearsSpeechAndAdaptsToSteadyNoise()
        {
            using var vad = new EnergyVad();
            Assert.That(Probabilities(vad, new short[AudioFormat.SampleRate]).Max(), Is.LessThan(0.1f));
            var speech = Probabilities(vad, Speech());
            Assert.That(speech.Count(p => p >= 0.5f), Is.GreaterThan(speech.Length / 2));
            vad.Reset();
            var noise = Probabilities(vad, Noise(4, 0.05));
            Assert.That(noise.Skip(100).Count(p => p >= 0.5f), Is.LessThan(noise.Length / 20));
        }

        [Test]
        public void SileroAllocatesNothingPerFrame()
        {
            using var vad = Silero();
            var speech = Speech();
            Probabilities(vad, speech);   // warm up
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int f = 0; f + AudioFormat.FrameSamples <= speech.Length; f += AudioFormat.FrameSamples)
                vad.Process(new ReadOnlySpan<short>(speech, f, AudioFormat.FrameSamples));
            Assert.That(GC.GetAllocatedBytesForCurrentThread() - before, Is.Zero);
        }
    }
}
