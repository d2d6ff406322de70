using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using VoiceNpc.Audio;

namespace VoiceNpc.Cli
{
    /// <summary>
    /// Figures of the host audio path (Unity's): the NPC's voice from the pump through <see cref="CallbackPlayback"/> to a
    /// real-time callback thread pulling 1024-frame blocks at 48 kHz stereo, and the microphone through a looping clip
    /// polled at 60 fps by <see cref="ClipCapture"/> to the pump. Threads as in a game: callback, pump (5 ms cadence), game.
    /// </summary>
    public static class HostAudioBenchmark
    {
        private const int Rate = 48000, Frames = 1024, Channels = 2, Seconds = 10;

        public static void Run()
        {
            Console.WriteLine($"Host audio (engine-free; a callback thread at {Rate} Hz × {Frames} frames, {Seconds} s per path):");
            RunOutput(1600);
            RunOutput(800);
            RunCapture();
        }

        private static void RunOutput(int lead)
        {
            var playback = new CallbackPlayback(new CallbackPlaybackOptions { PlaybackLeadSamples = lead });
            int blocks = Seconds * Rate / Frames;
            var blockDuration = TimeSpan.FromTicks(TimeSpan.TicksPerSecond * Frames / Rate);
            int frames = Seconds * AudioFormat.SampleRate / AudioFormat.FrameSamples + 100;
            var writtenAt = new long[frames];
            var latency = new double[frames];
            var renderMicros = new double[blocks];
            int measured = 0;
            long allocated = 0;
            var clock = Stopwatch.StartNew();
            using var stop = new CancellationTokenSource();
            var pump = Task.Run(() => PumpAsync(playback, writtenAt, clock, stop.Token));

            var callback = new Thread(() =>
            {
                var block = new float[Frames * Channels];
                for (int k = 0; k < blocks; k++)
                {
                    WaitUntil(clock, TimeSpan.FromTicks(blockDuration.Ticks * k));
                    block.AsSpan().Fill(1f);
                    long bytes = GC.GetAllocatedBytesForCurrentThread();
                    long start = Stopwatch.GetTimestamp();
                    playback.Render(block, Channels, Rate);
                    long end = Stopwatch.GetTimestamp();
                    allocated += GC.GetAllocatedBytesForCurrentThread() - bytes;
                    renderMicros[k] = (end - start) * 1e6 / Stopwatch.Frequency;
                    // Every frame whose first sample this block rendered: the time since the pump wrote it.
                    long played = playback.PlayedSamples;
                    double now = clock.Elapsed.TotalMilliseconds;
                    while (measured < frames && (long)measured * AudioFormat.FrameSamples < played && Volatile.Read(ref writtenAt[measured]) > 0)
                    {
                        latency[measured] = now - Volatile.Read(ref writtenAt[measured]) / (double)TimeSpan.TicksPerMillisecond;
                        measured++;
                    }
                }
            }) { Name = "bench audio callback", IsBackground = true };
            callback.Start();
            callback.Join();
            stop.Cancel();
            pump.Wait();

            var steady = latency.Skip(50).Take(Math.Max(0, measured - 50)).ToList();   // the first second: JIT, the ring filling
            var render = renderMicros.Skip(50).ToList();
            var stats = playback.Stats;
            Console.WriteLine($"  pump → ring → callback (a sample's write to its render, lead {playback.PlaybackLeadSamples} samples): " +
                              $"p50 {Percentiles.Of(steady, 50):0.0} ms, p95 {Percentiles.Of(steady, 95):0.0} ms over {steady.Count} frames");
            Console.WriteLine($"  Render per block: p50 {Percentiles.Of(render, 50):0.0} µs, p95 {Percentiles.Of(render, 95):0.0} µs, " +
                              $"max {render.Max():0.0} µs (the block lasts {blockDuration.TotalMilliseconds * 1000:0} µs)");
            Console.WriteLine($"  allocated per Render call: {(double)allocated / blocks:0.00} bytes over {blocks} calls; " +
                              $"underruns {stats.Underruns} ({stats.UnderrunSamples} samples)");
        }

        /// <summary>The conversation pump's cadence: every 5 ms, top the playback up to its lead in 20 ms frames.</summary>
        private static async Task PumpAsync(CallbackPlayback playback, long[] writtenAt, Stopwatch clock, CancellationToken stop)
        {
            var frame = Enumerable.Range(0, AudioFormat.FrameSamples)
                .Select(i => (short)(8000 * Math.Sin(2 * Math.PI * 440 * i / 16000.0))).ToArray();
            int next = 0;
            while (!stop.IsCancellationRequested && next < writtenAt.Length)
            {
                while (next < writtenAt.Length && playback.QueuedPlaybackSamples < playback.PlaybackLeadSamples)
                {
                    if (playback.WritePlayback(frame) == 0) break;
                    Volatile.Write(ref writtenAt[next++], Math.Max(1, clock.Elapsed.Ticks));
                }
                try { await Task.Delay(5, stop); }
                catch (OperationCanceledException) { return; }
            }
        }

        private static void RunCapture()
        {
            const int chunkFrames = 480;   // the device delivers 10 ms at a time
            var clip = new SimulatedMicrophoneClip(Rate, Rate);
            var capture = new ClipCapture(clip);
            int chunks = Seconds * Rate / chunkFrames;
            var chunkAt = new long[chunks + 1];
            var newest = new List<double>(Seconds * 50);
            var oldest = new List<double>(Seconds * 50);
            long pollBytes = 0, polls = 0;
            var clock = Stopwatch.StartNew();
            var done = new ManualResetEventSlim();

            var device = new Thread(() =>
            {
                var chunk = new float[chunkFrames];
                for (int c = 0; c < chunks; c++)
                {
                    WaitUntil(clock, TimeSpan.FromMilliseconds(10.0 * (c + 1)));
                    clip.Record(chunk);
                    Volatile.Write(ref chunkAt[c], clock.Elapsed.Ticks);
                }
                done.Set();
            }) { Name = "bench microphone", IsBackground = true };
            var game = new Thread(() =>
            {
                for (int f = 0; !done.IsSet; f++)
                {
                    WaitUntil(clock, TimeSpan.FromTicks(TimeSpan.TicksPerSecond * f / 60));
                    long before = GC.GetAllocatedBytesForCurrentThread();
                    capture.Poll();
                    pollBytes += GC.GetAllocatedBytesForCurrentThread() - before;
                    polls++;
                }
            }) { Name = "bench game thread", IsBackground = true };
            device.Start();
            game.Start();

            // The pump: every 5 ms, every whole 20 ms frame that has arrived.
            var frame = new short[AudioFormat.FrameSamples];
            long read = 0;
            int lookahead = new StreamingResampler(Rate, AudioFormat.SampleRate).LookaheadSamples;
            while (!done.IsSet)
            {
                Thread.Sleep(5);
                while (capture.AvailableCaptureSamples >= frame.Length)
                {
                    capture.ReadCapture(frame);
                    double now = clock.Elapsed.TotalMilliseconds;
                    read += frame.Length;
                    // A pipeline sample n holds the clip's frames up to 3n + the filter's lookahead: when was that recorded?
                    newest.Add(now - RecordedAt(chunkAt, (read - 1) * 3 + lookahead, chunkFrames));
                    oldest.Add(now - RecordedAt(chunkAt, (read - frame.Length) * 3 + lookahead, chunkFrames));
                }
            }
            device.Join();
            game.Join();
            var steadyNewest = newest.Skip(50).ToList();
            var steadyOldest = oldest.Skip(50).ToList();
            Console.WriteLine($"  microphone clip → pump (60 fps Poll, {capture.BlockFrames}-frame blocks, 10 ms device chunks, 5 ms pump): " +
                              "time since the clip got a frame's");
            Console.WriteLine($"    " +
                              $"newest sample p50 {Percentiles.Of(steadyNewest, 50):0.0} ms, p95 {Percentiles.Of(steadyNewest, 95):0.0} ms; " +
                              $"oldest p50 {Percentiles.Of(steadyOldest, 50):0.0} ms, p95 {Percentiles.Of(steadyOldest, 95):0.0} ms");
            Console.WriteLine($"  allocated per Poll: {(polls == 0 ? 0 : (double)pollBytes / polls):0.00} bytes over {polls} polls; {capture.Stats}");
        }

        private static double RecordedAt(long[] chunkAt, long clipFrame, int chunkFrames) =>
            Volatile.Read(ref chunkAt[Math.Min(chunkAt.Length - 1, clipFrame / chunkFrames)]) / (double)TimeSpan.TicksPerMillisecond;

        private static void WaitUntil(Stopwatch clock, TimeSpan due)
        {
            while (clock.Elapsed < due)
            {
                var left = due - clock.Elapsed;
                if (left > TimeSpan.FromMilliseconds(1)) Thread.Sleep(left - TimeSpan.FromMilliseconds(1));
                else Thread.Yield();
            }
        }
    }
}
