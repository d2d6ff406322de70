using System;
using System.Collections.Generic;
using System.Linq;
using NUnit.Framework;
using VoiceNpc.Audio;
using VoiceNpc.Tests.Support;
using VoiceNpc.Timing;

namespace VoiceNpc.Tests.Audio
{
    /// <summary>Unity's Microphone as a looping clip, read on the "game thread" while the "device" records into it.</summary>
    public class ClipCaptureTests
    {
        private static void Advance(VirtualClock clock, double seconds) => clock.AdvanceAsync(TimeSpan.FromSeconds(seconds)).GetAwaiter().GetResult();

        private static short[] Drain(ClipCapture capture)
        {
            var all = new List<short>();
            var frame = new short[AudioFormat.FrameSamples];
            int n;
            while ((n = capture.ReadCapture(frame)) > 0) all.AddRange(frame.Take(n));
            return all.ToArray();
        }

        /// <summary>What the capture should deliver for a continuous recording: downmixed, resampled, rounded.</summary>
        private static short[] Reference(float[] interleaved, int channels, int rate, long frames)
        {
            var mono = new float[frames];
            for (long f = 0; f < frames; f++)
            {
                float sum = 0f;
                for (int c = 0; c < channels; c++) sum += interleaved[f * channels + c];
                mono[f] = sum * (1f / channels);
            }
            var output = new float[frames * AudioFormat.SampleRate / rate + 4];
            int produced = new StreamingResampler(rate, AudioFormat.SampleRate).Process(mono, output, out _);
            return output.Take(produced).Select(s => (short)Math.Round(Math.Max(-32768f, Math.Min(32767f, s * 32768f)))).ToArray();
        }

        [TestCase(48000, 1, 48000, 800)]
        [TestCase(48000, 1, 4801, 800)]     // the clip's end falls inside a block: GetData wraps
        [TestCase(44100, 2, 22050, 735)]
        [TestCase(44100, 1, 30011, 1234)]
        [TestCase(16000, 1, 16001, 267)]
        public void ReadsEveryRecordedFrameInOrderAcrossTheClipsWrap(int rate, int channels, int frames, int chunk)
        {
            var clock = new VirtualClock();
            var clip = new FakeMicrophoneClip(rate, channels, frames);
            var capture = new ClipCapture(clip, new ClipCaptureOptions { Clock = clock, RingSamples = 1 << 20 });
            var random = new Random(3);
            var recorded = new float[rate * 3 * channels];
            for (int i = 0; i < recorded.Length; i++) recorded[i] = (float)(0.8 * Math.Sin(i * 0.01) * random.NextDouble());
            capture.Poll();   // starts at position 0
            for (int at = 0; at + chunk * channels <= recorded.Length; at += chunk * channels)
            {
                clip.Record(new ReadOnlySpan<float>(recorded, at, chunk * channels));
                Advance(clock, (double)chunk / rate);
                capture.Poll();   // a game frame: whole blocks the position has passed
            }
            var stats = capture.Stats;
            Assert.That(stats.FramesRead, Is.EqualTo(clip.Recorded / capture.BlockFrames * capture.BlockFrames));
            Assert.That(stats.Overruns + stats.StalledPolls + stats.DroppedSamples, Is.Zero, stats.ToString());
            var expected = Reference(recorded, channels, rate, stats.FramesRead);
            Assert.That(Drain(capture), Is.EqualTo(expected));
            Assert.That(capture.Fault, Is.Null);
        }

        [Test]
        public void TheFirstPollStartsAtTheCurrentPositionSoNothingOlderIsHeard()
        {
            var clock = new VirtualClock();
            var clip = new FakeMicrophoneClip(48000, 1, 48000);
            var capture = new ClipCapture(clip, new ClipCaptureOptions { Clock = clock });
            clip.Record(Signal.Sine(20000, 300, 48000, 0.9));   // before the game looked
            capture.Poll();
            Assert.That(capture.AvailableCaptureSamples, Is.Zero);
            clip.Record(new float[4800]);
            Advance(clock, 0.1);
            capture.Poll();
            var heard = Drain(capture);
            Assert.That(heard.Length, Is.EqualTo(1600 - new StreamingResampler(48000, 16000).LookaheadSamples / 3).Within(2));
            Assert.That(heard, Is.All.EqualTo((short)0), "only the silence recorded after the first poll");
        }

        [Test]
        public void APositionThatStopsIsCountedAndBecomesAFaultUntilItMovesAgain()
        {
            var clock = new VirtualClock();
            var clip = new FakeMicrophoneClip(48000, 1, 48000);
            var capture = new ClipCapture(clip, new ClipCaptureOptions { Clock = clock, StalledFaultMilliseconds = 500 });
            capture.Poll();
            for (int i = 0; i < 4; i++) { Advance(clock, 0.1); capture.Poll(); }
            Assert.That(capture.Stats.StalledPolls, Is.EqualTo(4));
            Assert.That(capture.Fault, Is.Null, "400 ms without audio is not yet a lost microphone");
            Advance(clock, 0.2);
            capture.Poll();
            Assert.That(capture.Fault, Does.Contain("delivered nothing for 600 ms"));
            clip.Record(new float[960]);
            Advance(clock, 0.02);
            capture.Poll();
            Assert.That(capture.Fault, Is.Null);
            Assert.That(capture.Stats.FramesRead, Is.EqualTo(960));
        }

        [TestCase(1.5)]
        [TestCase(2.2)]
        [TestCase(3.0)]
        public void AGameThreadStalledForLongerThanTheClipCountsTheLossAndResumesWithFreshAudio(double stallSeconds)
        {
            var clock = new VirtualClock();
            var clip = new FakeMicrophoneClip(48000, 1, 48000);
            var capture = new ClipCapture(clip, new ClipCaptureOptions { Clock = clock, RingSamples = 1 << 18 });
            capture.Poll();
            clip.Record(new float[960]);
            Advance(clock, 0.02);
            capture.Poll();
            Drain(capture);

            // The scene loads: the microphone laps its clip while nobody polls.
            int stalled = (int)(stallSeconds * 48000);
            for (int done = 0; done < stalled; done += 4800) clip.Record(Signal.Sine(Math.Min(4800, stalled - done), 300, 48000, 0.9));
            Advance(clock, stallSeconds);
            capture.Poll();
            var stats = capture.Stats;
            Assert.That(stats.Overruns, Is.EqualTo(1), stats.ToString());
            Assert.That(stats.LostFrames, Is.EqualTo(stalled).Within(480));
            Assert.That(capture.AvailableCaptureSamples, Is.Zero, "nothing written over is delivered");

            clip.Record(new float[4800]);
            Advance(clock, 0.1);
            capture.Poll();
            var fresh = Drain(capture);
            Assert.That(fresh.Length, Is.EqualTo(1600).Within(40));
            Assert.That(fresh.Skip(40), Is.All.EqualTo((short)0), "after the resampler's first taps: only what was recorded after the stall");
        }

        [Test]
        public void AGameThreadStalledForLessThanTheClipLosesNothing()
        {
            var clock = new VirtualClock();
            var clip = new FakeMicrophoneClip(48000, 1, 48000);
            var capture = new ClipCapture(clip, new ClipCaptureOptions { Clock = clock, RingSamples = 1 << 18 });
            capture.Poll();
            clip.Record(new float[43200]);   // 0.9 s: past half the clip, not a whole lap
            Advance(clock, 0.9);
            capture.Poll();
            Assert.That(capture.Stats.Overruns, Is.Zero);
            Assert.That(capture.Stats.FramesRead, Is.EqualTo(43200));
        }

        [Test]
        public void AClipWithoutFrequencyOrChannelsIsAFault()
        {
            var capture = new ClipCapture(new FakeMicrophoneClip(0, 1, 48000));
            capture.Poll();
            Assert.That(capture.Fault, Does.Contain("did not start").And.Contain("0 Hz"));
            Assert.That(capture.ReadCapture(new short[320]), Is.Zero);
            Assert.That(new ClipCapture(new FakeMicrophoneClip(48000, 0, 48000)).Fault, Does.Contain("0 channels"));
        }

        [Test]
        public void StereoIsDownmixed()
        {
            var clock = new VirtualClock();
            var clip = new FakeMicrophoneClip(16000, 2, 16000);
            var capture = new ClipCapture(clip, new ClipCaptureOptions { Clock = clock });
            capture.Poll();
            var frames = new float[3200];
            for (int f = 0; f < 1600; f++) { frames[2 * f] = 0.5f; frames[2 * f + 1] = 0.25f; }
            clip.Record(frames);
            Advance(clock, 0.1);
            capture.Poll();
            Assert.That(Drain(capture), Is.All.EqualTo((short)Math.Round(0.375 * 32768)));
        }

        [Test]
        public void PollingAndReadingAllocateNothing()
        {
            var clock = new VirtualClock();
            var clip = new FakeMicrophoneClip(44100, 2, 44100);
            var capture = new ClipCapture(clip, new ClipCaptureOptions { Clock = clock });
            var chunk = new float[735 * 2];
            var frame = new short[AudioFormat.FrameSamples];
            capture.Poll();
            for (int i = 0; i < 10; i++) { clip.Record(chunk); capture.Poll(); capture.ReadCapture(frame); }
            long allocated = 0;
            for (int i = 0; i < 300; i++)
            {
                clip.Record(chunk);
                long before = GC.GetAllocatedBytesForCurrentThread();
                capture.Poll();
                capture.ReadCapture(frame);
                _ = capture.AvailableCaptureSamples;
                _ = capture.Stats;
                allocated += GC.GetAllocatedBytesForCurrentThread() - before;
            }
            Assert.That(allocated, Is.Zero);
        }
    }
}
