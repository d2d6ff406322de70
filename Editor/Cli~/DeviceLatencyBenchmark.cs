using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using VoiceNpc.Audio;
using VoiceNpc.Audio.Native;

namespace VoiceNpc.Cli
{
    /// <summary>
    /// Figures of the native audio path through real devices: the speakers' sink looped back through its monitor.
    /// Run by ./build.sh bench, which starts PulseAudio with its virtual devices (VNA_TEST_PLAYBACK names them).
    /// </summary>
    public static class DeviceLatencyBenchmark
    {
        private const int Bursts = 30;

        public static void Run()
        {
            string? speakers = Environment.GetEnvironmentVariable("VNA_TEST_PLAYBACK");
            if (string.IsNullOrEmpty(speakers))
            {
                Console.WriteLine("Native audio devices: skipped (VNA_TEST_PLAYBACK is not set; ./build.sh bench sets up PulseAudio for it)");
                return;
            }
            using var device = NativeAudioDevice.Open(new NativeAudioOptions
            {
                CaptureDevice = "Monitor of " + speakers, PlaybackDevice = speakers, EchoCancellation = false, NoiseSuppression = false,
            });
            var frame = new short[AudioFormat.FrameSamples];
            var burst = Enumerable.Range(0, AudioFormat.FrameSamples).Select(i => (short)(12000 * Math.Sin(2 * Math.PI * 1000 * i / AudioFormat.SampleRate))).ToArray();
            var roundTrips = new List<double>();
            var ringWaits = new List<double>();
            long allocated = 0, frames = 0;
            var clock = Stopwatch.StartNew();
            for (int i = -3; i < Bursts; i++)   // three warm-up bursts: JIT and first-call costs are not per frame
            {
                if (i == 0) { roundTrips.Clear(); ringWaits.Clear(); allocated = frames = 0; }
                Drain(device, frame, TimeSpan.FromMilliseconds(300));
                device.WritePlayback(burst);
                var written = clock.Elapsed;
                while (clock.Elapsed - written < TimeSpan.FromSeconds(2))
                {
                    int waiting = device.AvailableCaptureSamples;
                    if (waiting < frame.Length) { Thread.Sleep(1); continue; }
                    long before = GC.GetAllocatedBytesForCurrentThread();
                    // One pump frame's worth of device calls: what the managed side does every 20 ms.
                    int read = device.ReadCapture(frame);
                    device.WritePlayback(ReadOnlySpan<short>.Empty);
                    _ = device.PlayedSamples + device.QueuedPlaybackSamples;
                    allocated += GC.GetAllocatedBytesForCurrentThread() - before;
                    frames++;
                    ringWaits.Add(AudioFormat.DurationOf(waiting).TotalMilliseconds);
                    if (frame.Take(read).Any(s => Math.Abs((int)s) > 4000)) { roundTrips.Add((clock.Elapsed - written).TotalMilliseconds); break; }
                }
            }
            var stats = device.Stats;
            Console.WriteLine($"Native audio devices (OpenAL Soft on PulseAudio null sinks, {Bursts} bursts):");
            Console.WriteLine($"  playback ring → speakers → monitor → capture ring → managed frame: p50 {Percentiles.Of(roundTrips, 50):0} ms, p99 {Percentiles.Of(roundTrips, 99):0} ms");
            Console.WriteLine($"  capture ring level when a whole 20 ms frame is first there to read: p50 {Percentiles.Of(ringWaits, 50):0.0} ms, p99 {Percentiles.Of(ringWaits, 99):0.0} ms (the engine delivers 10 ms blocks)");
            Console.WriteLine($"  managed allocation per frame of device calls: {(frames == 0 ? 0 : (double)allocated / frames):0.00} bytes over {frames} frames");
            Console.WriteLine($"  engine: overruns {stats.CaptureOverruns}, underruns {stats.PlaybackUnderruns}, dropped backlog {stats.DroppedBacklogSamples}");
        }

        private static void Drain(NativeAudioDevice device, short[] frame, TimeSpan quiet)
        {
            var start = Stopwatch.StartNew();
            while (start.Elapsed < quiet) { device.ReadCapture(frame); Thread.Sleep(5); }
        }
    }
}
