using System;
using System.Diagnostics;
using NUnit.Framework;
using VoiceNpc.Audio;

namespace VoiceNpc.Tests.Audio
{
    public class SilentCaptureTests
    {
        [Test]
        public void DeliversSilenceNoFasterThanTheClockWithoutAllocating()
        {
            var outside = Stopwatch.StartNew();
            using var capture = new SilentCapture();
            var buffer = new short[AudioFormat.FrameSamples];
            long read = 0;
            void ReadUntil(long total)
            {
                while (read < total)
                {
                    buffer.AsSpan().Fill(1);
                    int n = capture.ReadCapture(buffer);
                    for (int i = 0; i < n; i++)
                        if (buffer[i] != 0) Assert.Fail($"sample {i} of a read is {buffer[i]}, not silence");
                    read += n;
                }
            }
            // Warm up every path of the loop first: Mono's JIT counts what it allocates compiling a method's first call.
            ReadUntil(1);
            long before = GC.GetAllocatedBytesForCurrentThread();
            ReadUntil(AudioFormat.FrameSamples * 3);
            Assert.That(GC.GetAllocatedBytesForCurrentThread() - before, Is.Zero);
            Assert.That(read, Is.LessThanOrEqualTo(outside.Elapsed.TotalSeconds * AudioFormat.SampleRate + AudioFormat.FrameSamples));
            Assert.That(capture.Fault, Is.Null);
        }
    }
}
