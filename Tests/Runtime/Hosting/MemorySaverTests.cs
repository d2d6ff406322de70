using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;
using VoiceNpc.Hosting;

namespace VoiceNpc.Tests.Hosting
{
    /// <summary>The host's background saves: one at a time, in order, a failure reported and the next save still made.</summary>
    public class MemorySaverTests
    {
        [Test]
        public void SavesRequestedFromManyThreadsNeverOverlap()
        {
            int running = 0, overlaps = 0, saves = 0;
            var saver = new MemorySaver(() =>
            {
                if (Interlocked.Increment(ref running) > 1) Interlocked.Increment(ref overlaps);
                Thread.Yield();
                Interlocked.Increment(ref saves);
                Interlocked.Decrement(ref running);
            }, e => throw new AssertionException("unexpected failure: " + e.Message));
            using var go = new ManualResetEventSlim();
            var callers = Enumerable.Range(0, 4).Select(_ => Task.Run(() =>
            {
                go.Wait();
                for (int i = 0; i < 50; i++) saver.Request();
            })).ToArray();
            go.Set();
            Assert.That(Task.WhenAll(callers).Wait(TimeSpan.FromSeconds(20)), Is.True);
            Assert.That(saver.Idle.Wait(TimeSpan.FromSeconds(20)), Is.True);
            Assert.That((saves, overlaps), Is.EqualTo((200, 0)));
        }

        [Test]
        public void AFailedSaveIsReportedAndTheNextOneStillRuns()
        {
            var failures = new List<Exception>();
            int attempt = 0;
            var saver = new MemorySaver(() =>
            {
                if (++attempt == 1) throw new IOException("disk full");
            }, failures.Add);
            saver.Request();
            saver.Request();
            Assert.That(saver.Idle.Wait(TimeSpan.FromSeconds(20)), Is.True);
            Assert.That((attempt, failures.Single().Message), Is.EqualTo((2, "disk full")));
        }
    }
}
