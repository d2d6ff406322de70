using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using NUnit.Framework;
using VoiceNpc.Audio;
using VoiceNpc.Tests.Support;

namespace VoiceNpc.Tests.Audio
{
    /// <summary>The NPC's voice pulled by an audio callback thread, as Unity's OnAudioFilterRead pulls it.</summary>
    public class CallbackPlaybackTests
    {
        private static readonly TimeSpan Hang = TimeSpan.FromSeconds(60);

        private static float[] Expected(short[] source, int rate, int count)
        {
            var input = source.Select(s => s * (1f / 32768f)).ToArray();
            var output = new float[count];
            new StreamingResampler(AudioFormat.SampleRate, rate).Process(input, output, out _);
            return output;
        }

        [TestCase(48000)]
        [TestCase(44100)]
        public void ACallbackThreadPullingBlocksWhileThePumpKeepsTheLeadHearsTheWholeStreamAndAllocatesNothing(int rate)
        {
            const int frames = 1024;
            var playback = new CallbackPlayback();
            var source = Signal.SinePcm(3 * AudioFormat.SampleRate, 440, 0.5);
            int blocks = (int)((long)(source.Length - 400) * rate / AudioFormat.SampleRate / frames);
            long written = 0;
            using var callback = new AudioCallbackThread(playback, frames, 2, rate, blocks);
            // The pump kept up: the samples block k needs were written before it ran.
            callback.Ready = k => Volatile.Read(ref written) >= (long)(k + 1) * frames * AudioFormat.SampleRate / rate + 40;
            callback.Start();

            // The pump's side: 20 ms frames whenever less than the lead is queued, woken by each callback.
            for (int sent = 0; sent < source.Length;)
            {
                while (sent < source.Length && playback.QueuedPlaybackSamples < playback.PlaybackLeadSamples)
                {
                    sent += playback.WritePlayback(new ReadOnlySpan<short>(source, sent, Math.Min(AudioFormat.FrameSamples, source.Length - sent)));
                    Volatile.Write(ref written, sent);
                    callback.Poke();
                }
                if (callback.Completed == blocks) break;
                callback.WaitForBlock(TimeSpan.FromMilliseconds(200));
            }
            callback.Join(Hang);

            var stats = playback.Stats;
            Assert.That(stats.Underruns, Is.Zero, stats.ToString());
            Assert.That(stats.Callbacks, Is.EqualTo(blocks));
            Assert.That(callback.AllocatedBytes, Is.Zero, $"bytes allocated by {callback.MeasuredCalls} Render calls after the warm-up");
            var expected = Expected(source, rate, blocks * frames);
            Assert.That(Signal.Channel(callback.Output, 2, 0), Is.EqualTo(expected), "left: the stream resampled, without gaps");
            Assert.That(Signal.Channel(callback.Output, 2, 1), Is.EqualTo(expected), "right");
            for (int k = 1; k < blocks; k++) Assert.That(callback.PlayedAfter[k], Is.GreaterThan(callback.PlayedAfter[k - 1]));
        }

        [Test]
        public void BargeInSilencesTheBlockAfterTheClearWhileTheCallbackRuns()
        {
            var playback = new CallbackPlayback(new CallbackPlaybackOptions { RingSamples = 1 << 18 });
            playback.WritePlayback(Signal.SinePcm(10 * AudioFormat.SampleRate, 440, 0.5));
            using var callback = new AudioCallbackThread(playback, 1024, 2, 48000, 300);
            callback.Start();
            while (callback.Completed < 50) Assert.That(callback.WaitForBlock(Hang), Is.True);
            int before = callback.Completed;   // these blocks finished before the clear
            playback.ClearPlayback();
            int after = callback.Completed;    // the block in flight during the clear is one of before..after
            Assert.That(playback.QueuedPlaybackSamples, Is.Zero);
            callback.Join(Hang);

            for (int k = 0; k < before; k++) Assert.That(Signal.Rms(callback.Block(k)), Is.GreaterThan(0.2), $"block {k} before the clear");
            int first = Array.IndexOf(callback.ClearsAfter, 1L);
            Assert.That(first, Is.InRange(before, after + 1), "the clear was carried out by the block in flight or the next one");
            for (int k = first; k < 300; k++) Assert.That(callback.Block(k).ToArray(), Is.All.EqualTo(0f), $"block {k} after the clear");
            Assert.That(playback.Stats.ClearedSamples + playback.Stats.PlayedSamples, Is.EqualTo(10 * AudioFormat.SampleRate));
        }

        [Test]
        public void AfterAClearTheNextWrittenSamplePlaysWherePlayedPlusQueuedSaid()
        {
            var playback = new CallbackPlayback(new CallbackPlaybackOptions { Mix = PlaybackMix.Replace });
            var block = new float[2048];
            playback.WritePlayback(Signal.SinePcm(8000, 440, 0.5));
            for (int i = 0; i < 5; i++) playback.Render(block, 2, 48000);
            Assert.That(playback.PlayedSamples + playback.QueuedPlaybackSamples, Is.EqualTo(8000));
            playback.ClearPlayback();
            Assert.That((playback.PlayedSamples, playback.QueuedPlaybackSamples), Is.EqualTo((8000L, 0)), "dropped audio counts as passed");

            playback.WritePlayback(Signal.SinePcm(1600, 440, 0.5));
            Assert.That(playback.PlayedSamples + playback.QueuedPlaybackSamples, Is.EqualTo(9600));
            playback.Render(block, 2, 48000);
            Assert.That(Signal.Rms(block), Is.GreaterThan(0.2), "samples written after the clear play");
            Assert.That(playback.PlayedSamples, Is.InRange(8000 + 341 - 34, 8000 + 342));
            Assert.That(playback.Stats.Clears, Is.EqualTo(1));
        }

        [Test]
        public void ThePlayedPositionIsWhereTheRenderedOutputIs()
        {
            var playback = new CallbackPlayback(new CallbackPlaybackOptions { Mix = PlaybackMix.Replace });
            playback.WritePlayback(new short[1000]);
            playback.WritePlayback(Signal.SinePcm(4000, 1000, 0.5));   // a tone from stream position 1000
            var output = new float[8 * 1024];
            var played = new long[8];
            for (int k = 0; k < 8; k++)
            {
                playback.Render(new Span<float>(output, k * 1024, 1024), 1, 48000);
                played[k] = playback.PlayedSamples;
            }
            int onset = Array.FindIndex(output, s => Math.Abs(s) > 0.01f);
            Assert.That(onset / 3.0, Is.EqualTo(1000).Within(4), "the tone starts at its stream position × 3 at 48 kHz");
            int block = onset / 1024;
            Assert.That(played[block], Is.GreaterThanOrEqualTo(1000), "the block that rendered the onset has passed it");
            Assert.That(block == 0 ? 0 : played[block - 1], Is.LessThanOrEqualTo(1000), "the block before had not");
        }

        [Test]
        public void MultiplyPutsTheVoiceIntoTheSourcesGainsAndReplaceOverwrites()
        {
            var voice = Signal.SinePcm(4000, 500, 0.5);
            var replace = new CallbackPlayback(new CallbackPlaybackOptions { Mix = PlaybackMix.Replace });
            var multiply = new CallbackPlayback(new CallbackPlaybackOptions { Mix = PlaybackMix.Multiply });
            replace.WritePlayback(voice);
            multiply.WritePlayback(voice);
            var overwritten = Enumerable.Repeat(0.9f, 2048).ToArray();
            var panned = new float[2048];
            for (int f = 0; f < 1024; f++) { panned[2 * f] = 0.5f; panned[2 * f + 1] = 0.25f; }   // the flat-line clip after 3D panning
            replace.Render(overwritten, 2, 48000);
            multiply.Render(panned, 2, 48000);

            var left = Signal.Channel(overwritten, 2, 0);
            Assert.That(Signal.Channel(overwritten, 2, 1), Is.EqualTo(left));
            Assert.That(Signal.Rms(left), Is.GreaterThan(0.2));
            Assert.That(Signal.Channel(panned, 2, 0), Is.EqualTo(left.Select(v => v * 0.5f).ToArray()));
            Assert.That(Signal.Channel(panned, 2, 1), Is.EqualTo(left.Select(v => v * 0.25f).ToArray()));
        }

        [Test]
        public void AnUnderrunIsCountedOnlyInsideALine()
        {
            var playback = new CallbackPlayback(new CallbackPlaybackOptions { Mix = PlaybackMix.Replace });
            var block = new float[1024];
            void Render(int blocks) { for (int i = 0; i < blocks; i++) playback.Render(block, 1, 48000); }

            playback.WritePlayback(Signal.SinePcm(4800, 440, 0.5));
            Render(60);   // the line, then a second of silence: a pause between lines
            playback.WritePlayback(Signal.SinePcm(4800, 440, 0.5));
            Render(30);
            Assert.That(playback.Stats.Underruns, Is.Zero, "silence between lines is no underrun");

            playback.WritePlayback(Signal.SinePcm(1000, 440, 0.5));
            Render(5);    // ~1700 samples wanted: the ring ran dry mid-line for ~40 ms
            playback.WritePlayback(Signal.SinePcm(1600, 440, 0.5));
            Render(1);
            var stats = playback.Stats;
            Assert.That(stats.Underruns, Is.EqualTo(1), stats.ToString());
            Assert.That(stats.UnderrunSamples, Is.InRange(1706 - 1000 - 34, 1706 - 1000 + 34));
        }

        [Test]
        public void AChangedOutputRateKeepsPlayingAndAnUnpreparedOneIsSilentUntilPrepared()
        {
            var playback = new CallbackPlayback(new CallbackPlaybackOptions { Mix = PlaybackMix.Replace, RingSamples = 1 << 16 });
            playback.WritePlayback(Signal.SinePcm(32000, 440, 0.5));
            var block = new float[2048];
            for (int i = 0; i < 10; i++) playback.Render(block, 2, 48000);
            long at48 = playback.PlayedSamples;
            for (int i = 0; i < 10; i++) playback.Render(block, 2, 44100);
            Assert.That(Signal.Frequency(Signal.Channel(block, 2, 0), 44100), Is.EqualTo(440).Within(10));
            Assert.That(playback.PlayedSamples - at48, Is.InRange(10 * 1024 * 16000 / 44100 - 40, 10 * 1024 * 16000 / 44100 + 40));

            long before = playback.PlayedSamples;
            playback.Render(block, 2, 96000);
            Assert.That(block, Is.All.EqualTo(0f));
            Assert.That((playback.PlayedSamples, playback.Stats.UnpreparedRateCallbacks), Is.EqualTo((before, 1L)), "nothing taken from the ring");
            playback.PrepareOutputRate(96000);
            playback.Render(block, 2, 96000);
            Assert.That(Signal.Rms(block), Is.GreaterThan(0.2));
            Assert.That(playback.Stats.OutputSampleRate, Is.EqualTo(96000));
        }

        [Test]
        public void TheEchoReferenceGetsEveryBlockAsMixed()
        {
            var reference = new RecordingReference();
            var playback = new CallbackPlayback(new CallbackPlaybackOptions { Reference = reference });
            playback.WritePlayback(Signal.SinePcm(4000, 440, 0.5));
            var block = Enumerable.Repeat(0.5f, 2048).ToArray();
            playback.Render(block, 2, 48000);
            Assert.That(reference.Blocks.Single().Channels, Is.EqualTo(2));
            Assert.That(reference.Blocks.Single().Samples, Is.EqualTo(block));
        }

        [Test]
        public void ThePumpsCallsAndTheCallbackAllocateNothing()
        {
            var playback = new CallbackPlayback();
            var frame = Signal.SinePcm(AudioFormat.FrameSamples, 440, 0.5);
            var block = new float[2048];
            for (int i = 0; i < 30; i++) { playback.WritePlayback(frame); playback.Render(block, 2, 48000); }
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < 500; i++)
            {
                playback.WritePlayback(frame);
                _ = playback.PlayedSamples + playback.QueuedPlaybackSamples + playback.PlaybackLeadSamples;
                _ = playback.Stats;
                _ = playback.Fault;
                playback.Render(block, 2, i % 2 == 0 ? 48000 : 44100);
                if (i % 50 == 0) playback.ClearPlayback();
            }
            Assert.That(GC.GetAllocatedBytesForCurrentThread() - before, Is.Zero);
        }

        [Test]
        public void ACallbackThatStopsWhileVoiceIsQueuedIsAFaultUntilItRunsAgain()
        {
            var clock = new VoiceNpc.Timing.VirtualClock();
            var playback = new CallbackPlayback(new CallbackPlaybackOptions { Clock = clock, StalledCallbackMilliseconds = 500 });
            void Advance(double seconds) => clock.AdvanceAsync(TimeSpan.FromSeconds(seconds)).GetAwaiter().GetResult();
            Assert.That(playback.Fault, Is.Null);
            Advance(2);
            Assert.That(playback.Fault, Is.Null, "nothing queued: a callback that does not run is no fault");
            playback.WritePlayback(Signal.SinePcm(1600, 440, 0.5));
            Assert.That(playback.Fault, Is.Null);
            Advance(0.4);
            Assert.That(playback.Fault, Is.Null);
            Advance(0.2);
            Assert.That(playback.Fault, Does.Contain("not been called for 500 ms").And.Contain("AudioSource"));
            playback.Render(new float[2048], 2, 48000);
            Assert.That(playback.Fault, Is.Null);

            playback.WritePlayback(Signal.SinePcm(1600, 440, 0.5));
            playback.OutputPaused = true;
            Advance(2);
            Assert.That(playback.Fault, Is.Null, "a game that paused its audio is no fault: the voice waits");
            playback.OutputPaused = false;
            Advance(0.4);
            Assert.That(playback.Fault, Is.Null, "the watch starts again when the output resumes");
            Advance(0.2);
            Assert.That(playback.Fault, Does.Contain("not been called for 500 ms"));

            var unwatched = new CallbackPlayback(new CallbackPlaybackOptions { Clock = clock, StalledCallbackMilliseconds = 0 });
            unwatched.WritePlayback(Signal.SinePcm(1600, 440, 0.5));
            Assert.That(unwatched.Fault, Is.Null);
            Advance(5);
            Assert.That(unwatched.Fault, Is.Null, "0 turns the watch off");
        }

        [Test]
        public void BadArgumentsAndDisposalAreHandled()
        {
            var playback = new CallbackPlayback();
            Assert.That(() => playback.Render(new float[8], 0, 48000),
                Throws.TypeOf<ArgumentOutOfRangeException>().With.Property("ParamName").EqualTo("channels"));
            Assert.That(() => new CallbackPlayback(new CallbackPlaybackOptions { PlaybackLeadSamples = 20000 }),
                Throws.TypeOf<ArgumentOutOfRangeException>().With.Message.Contains("PlaybackLeadSamples"));
            playback.WritePlayback(Signal.SinePcm(4000, 440, 0.5));
            playback.Dispose();
            var block = Enumerable.Repeat(1f, 2048).ToArray();
            playback.Render(block, 2, 48000);
            Assert.That(block, Is.All.EqualTo(0f), "a disposed playback is silent");
            Assert.That(playback.WritePlayback(new short[10]), Is.Zero);
        }

        private sealed class RecordingReference : IEchoReference
        {
            public List<(float[] Samples, int Channels)> Blocks { get; } = new List<(float[], int)>();
            public void Write(ReadOnlySpan<float> interleaved, int channels) => Blocks.Add((interleaved.ToArray(), channels));
        }
    }
}
