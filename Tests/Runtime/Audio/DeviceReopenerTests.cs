using System;
using System.Threading;
using NUnit.Framework;
using VoiceNpc.Audio;

namespace VoiceNpc.Tests.Audio
{
    public class DeviceReopenerTests
    {
        private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

        [Test]
        public void AttemptsOnlyWhileFaultyOneAtATimeAndOncePerInterval()
        {
            string? fault = null;
            var now = TimeSpan.Zero;
            using var release = new SemaphoreSlim(0);
            using var ended = new SemaphoreSlim(0);
            int calls = 0;
            var reopener = new DeviceReopener(() => fault, () =>
            {
                Interlocked.Increment(ref calls);
                release.Wait(Wait);
                return fault == null;
            }, TimeSpan.FromSeconds(2), () => now);
            reopener.AttemptEnded += (_, _) => ended.Release();

            reopener.Poll();
            Assert.That(reopener.Attempts, Is.Zero, "a healthy device is left alone");

            fault = "the microphone went away";
            reopener.Poll();
            reopener.Poll();
            Assert.That(reopener.Attempts, Is.EqualTo(1), "one attempt at a time");
            release.Release();
            Assert.That(ended.Wait(Wait), Is.True);
            Assert.That(reopener.Recovered, Is.Zero);

            now = TimeSpan.FromSeconds(1.5);
            reopener.Poll();
            Assert.That(reopener.Attempts, Is.EqualTo(1), "not again within the interval");
            now = TimeSpan.FromSeconds(2.5);
            fault = null;   // it came back by itself before the next attempt was due
            reopener.Poll();
            Assert.That(reopener.Attempts, Is.EqualTo(1));
            Assert.That(Volatile.Read(ref calls), Is.EqualTo(1));
        }

        [Test]
        public void ASuccessfulAttemptCountsAndAFailingOneReportsItsError()
        {
            bool throws = true;
            var now = TimeSpan.Zero;
            using var ended = new SemaphoreSlim(0);
            (bool Ok, string? Error) last = (false, null);
            var reopener = new DeviceReopener(() => "lost", () => throws ? throw new InvalidOperationException("no device yet") : true,
                TimeSpan.FromSeconds(1), () => now);
            reopener.AttemptEnded += (ok, error) => { last = (ok, error); ended.Release(); };

            reopener.Poll();
            Assert.That(ended.Wait(Wait), Is.True);
            Assert.That(last, Is.EqualTo((false, (string?)"no device yet")));

            throws = false;
            now = TimeSpan.FromSeconds(1);
            reopener.Poll();
            Assert.That(ended.Wait(Wait), Is.True);
            Assert.That(last.Ok, Is.True);
            Assert.That(reopener.Recovered, Is.EqualTo(1));
        }
    }
}
