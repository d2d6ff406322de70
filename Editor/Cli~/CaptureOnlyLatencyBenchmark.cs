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
    /// The capture path of the capture-only engine (<see cref="NativeCaptureDevice"/>) through real devices, beside the
    /// full engine's: the same bursts, played by one full engine to the speakers' sink, are heard through its monitor by
    /// both (a capture-only engine and a full engine capturing the same monitor, neither cancelling echo), so the difference
    /// is the capture path alone. Also the allocation of a host's echo-reference writes. Run by ./build.sh bench (VNA_TEST_PLAYBACK).
    /// </summary>
    public static class CaptureOnlyLatencyBenchmark
    {
        private const int Bursts = 30;

        public static void Run()
        {
            string? speakers = Environment.GetEnvironmentVariable("VNA_TEST_PLAYBACK");
            string? microphone = Environment.GetEnvironmentVariable("VNA_TEST_MICROPHONE");
            if (string.IsNullOrEmpty(speakers) || string.IsNullOrEmpty(microphone))
            {
                Console.WriteLine("Capture-only engine: skipped (VNA_TEST_PLAYBACK/VNA_TEST_MICROPHONE are not set; " +
                                  "./build.sh bench sets up PulseAudio for them)");
                return;
            }
            string monitor = "Monitor of " + speakers;
            using var player = NativeAudioDevice.Open(new NativeAudioOptions
            {
                CaptureDevice = "Monitor of " + microphone, PlaybackDevice = speakers, EchoCancellation = false, NoiseSuppression = false,
            });
            // Both captures without DSP beyond resampling, so the difference is the capture path, not a stage.
            using var captureOnly = NativeCaptureDevice.Open(new NativeCaptureOptions { CaptureDevice = monitor, EchoCancellation = false,
                NoiseSuppression = false });
            using var full = NativeAudioDevice.Open(new NativeAudioOptions
            {
                CaptureDevice = monitor, PlaybackDevice = "VoiceNpcMicrophone", EchoCancellation = false, NoiseSuppression = false,
            });
            var burst = Enumerable.Range(0, AudioFormat.FrameSamples)
                .Select(i => (short)(12000 * Math.Sin(2 * Math.PI * 1000 * i / AudioFormat.SampleRate))).ToArray();
            var onlyTimes = new List<double>();
            var fullTimes = new List<double>();
            var frame = new short[AudioFormat.FrameSamples];
            for (int i = -3; i < Bursts; i++)   // three warm-up bursts
            {
                Drain(captureOnly, full, frame, TimeSpan.FromMilliseconds(300));
                player.WritePlayback(burst);
                var clock = Stopwatch.StartNew();
                double only = -1, heard = -1;
                while (clock.Elapsed < TimeSpan.FromSeconds(2) && (only < 0 || heard < 0))
                {
                    if (only < 0 && Loud(captureOnly.ReadCapture(frame), frame)) only = clock.Elapsed.TotalMilliseconds;
                    if (heard < 0 && Loud(full.ReadCapture(frame), frame)) heard = clock.Elapsed.TotalMilliseconds;
                    Thread.Sleep(1);
                }
                if (i < 0 || only < 0 || heard < 0) continue;
                onlyTimes.Add(only);
                fullTimes.Add(heard);
            }
            var stats = captureOnly.Stats;
            long allocated = ReferenceWriteAllocation(monitor);
            Console.WriteLine($"Capture-only engine (OpenAL Soft on PulseAudio null sinks, {Bursts} bursts played by a full engine):");
            Console.WriteLine("  playback ring → speakers → monitor → capture-only ring → managed frame: " +
                              $"p50 {Percentiles.Of(onlyTimes, 50):0} ms, " +
                              $"p99 {Percentiles.Of(onlyTimes, 99):0} ms");
            var differences = onlyTimes.Zip(fullTimes, (a, b) => a - b).ToList();
            Console.WriteLine($"  the same bursts through a full engine's capture: p50 {Percentiles.Of(fullTimes, 50):0} ms, " +
                              $"p99 {Percentiles.Of(fullTimes, 99):0} ms; capture-only minus full, p50 of the differences " +
                              $"{Percentiles.Of(differences, 50):0} ms");
            Console.WriteLine("  managed allocation per echo-reference write (1024 stereo frames): " +
                              $"{allocated / 1000.0:0.00} bytes over 1000 writes");
            Console.WriteLine($"  capture-only engine: overruns {stats.CaptureOverruns}, dropped backlog {stats.DroppedBacklogSamples}, " +
                              $"played {stats.PlayedSamples}");
        }

        private static bool Loud(int read, short[] frame) => frame.Take(read).Any(s => Math.Abs((int)s) > 4000);

        /// <summary>A host's writes to the reference of a capture-only engine with echo cancellation (a full ring counts overruns).</summary>
        private static long ReferenceWriteAllocation(string monitor)
        {
            using var device = NativeCaptureDevice.Open(new NativeCaptureOptions { CaptureDevice = monitor });
            var block = new float[1024 * 2];
            var reference = device.EchoReference!;
            for (int i = 0; i < 10; i++) reference.Write(block, 2);
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < 1000; i++) reference.Write(block, 2);
            return GC.GetAllocatedBytesForCurrentThread() - before;
        }

        private static void Drain(NativeCaptureDevice captureOnly, NativeAudioDevice full, short[] frame, TimeSpan quiet)
        {
            var start = Stopwatch.StartNew();
            while (start.Elapsed < quiet) { captureOnly.ReadCapture(frame); full.ReadCapture(frame); Thread.Sleep(5); }
        }
    }
}
