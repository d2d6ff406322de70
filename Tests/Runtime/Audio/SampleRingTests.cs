using System;
using System.Threading;
using NUnit.Framework;
using VoiceNpc.Audio;

namespace VoiceNpc.Tests.Audio
{
    public class SampleRingTests
    {
        [Test]
        public void CapacityIsRoundedUpToAPowerOfTwo()
        {
            Assert.That(new SampleRing(1000).Capacity, Is.EqualTo(1024));
            Assert.That(new SampleRing(1024).Capacity, Is.EqualTo(1024));
            Assert.That(() => new SampleRing(0), Throws.TypeOf<ArgumentOutOfRangeException>().With.Message.Contains("capacity"));
        }

        [Test]
        public void WritesWhatFitsAndReadsInOrderAcrossTheWrap()
        {
            var ring = new SampleRing(8);
            var out5 = new short[5];
            Assert.That(ring.Write(new short[] { 1, 2, 3, 4, 5, 6 }), Is.EqualTo(6));
            Assert.That(ring.Read(out5), Is.EqualTo(5));
            Assert.That(out5, Is.EqualTo(new short[] { 1, 2, 3, 4, 5 }));
            Assert.That(ring.Write(new short[] { 7, 8, 9, 10, 11, 12, 13, 14, 15 }), Is.EqualTo(7), "only the free room is taken");
            var all = new short[10];
            Assert.That(ring.Read(all), Is.EqualTo(8));
            Assert.That(all, Is.EqualTo(new short[] { 6, 7, 8, 9, 10, 11, 12, 13, 0, 0 }));
            Assert.That((ring.WritePosition, ring.ReadPosition, ring.Available), Is.EqualTo((13L, 13L, 0)));
        }

        [Test]
        public void PeekAdvanceAndSkipMoveOnlyTheReader()
        {
            var ring = new SampleRing(16);
            ring.Write(new short[] { 1, 2, 3, 4, 5, 6 });
            var peek = new short[4];
            Assert.That(ring.Peek(peek), Is.EqualTo(4));
            Assert.That(ring.Available, Is.EqualTo(6));
            ring.Advance(2);
            Assert.That(ring.SkipTo(4), Is.EqualTo(2));
            Assert.That(ring.SkipTo(100), Is.EqualTo(2), "skipping stops at what was written");
            Assert.That(ring.SkipTo(3), Is.EqualTo(0));
            Assert.That(() => ring.Advance(1), Throws.TypeOf<ArgumentOutOfRangeException>());
        }

        [Test]
        public void AProducerAndAConsumerThreadMoveEverySampleInOrder()
        {
            const int total = 2_000_000;
            var ring = new SampleRing(256);
            long mismatches = 0, received = 0;
            var consumer = new Thread(() =>
            {
                var chunk = new short[37];
                short expected = 0;
                while (received < total)
                {
                    int n = ring.Read(chunk);
                    for (int i = 0; i < n; i++)
                    {
                        if (chunk[i] != expected) mismatches++;
                        expected = (short)(expected + 1);
                    }
                    received += n;
                    if (n == 0) Thread.Yield();
                }
            });
            consumer.Start();
            var frame = new short[53];
            short next = 0;
            for (int sent = 0; sent < total;)
            {
                int want = Math.Min(frame.Length, total - sent);
                for (int i = 0; i < want; i++) frame[i] = (short)(next + i);
                int n = ring.Write(new ReadOnlySpan<short>(frame, 0, want));
                next = (short)(next + n);
                sent += n;
                if (n == 0) Thread.Yield();
            }
            Assert.That(consumer.Join(TimeSpan.FromSeconds(60)), Is.True);
            Assert.That(received, Is.EqualTo(total));
            Assert.That(mismatches, Is.Zero);
        }

        [Test]
        public void WritingAndReadingAllocateNothing()
        {
            var ring = new SampleRing(1024);
            var frame = new short[320];
            for (int i = 0; i < 10; i++) { ring.Write(frame); ring.Read(frame); }
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < 1000; i++)
            {
                ring.Write(frame);
                ring.Peek(frame);
                ring.Advance(100);
                ring.Read(frame);
                _ = ring.Available + ring.Free;
            }
            Assert.That(GC.GetAllocatedBytesForCurrentThread() - before, Is.Zero);
        }
    }
}
