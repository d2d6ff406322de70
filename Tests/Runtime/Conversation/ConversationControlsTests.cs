using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;
using VoiceNpc.Conversation;

namespace VoiceNpc.Tests.Conversation
{
    /// <summary>The lock-free list the game posts controls to and the audio pump drains.</summary>
    public class ConversationControlsTests
    {
        [Test]
        public void ThePumpTakesRequestsOldestFirstWithoutAllocating()
        {
            var controls = new ConversationControls();
            Assert.That(controls.IsEmpty, Is.True);
            Assert.That(controls.TakeAll(), Is.Null);
            controls.Post(new ControlRequest(ControlKind.Interrupt));
            Assert.That(controls.TakeAll()!.Kind, Is.EqualTo(ControlKind.Interrupt));   // warmed up: nothing is compiled while measuring
            foreach (var text in new[] { "one", "two", "three" }) controls.Post(new ControlRequest(ControlKind.Say, text));
            Assert.That(controls.IsEmpty, Is.False);

            long before = GC.GetAllocatedBytesForCurrentThread();
            bool empty = controls.IsEmpty, muted = controls.MicrophoneMuted;
            var first = controls.TakeAll();
            int count = 0;
            for (var r = first; r != null; r = r.Next) count++;
            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

            Assert.That(allocated, Is.Zero, "the pump's side of the controls allocates nothing");
            Assert.That((empty, muted, count), Is.EqualTo((false, false, 3)));
            Assert.That(new[] { first!.Text, first.Next!.Text, first.Next.Next!.Text }, Is.EqualTo(new[] { "one", "two", "three" }));
            Assert.That(controls.IsEmpty, Is.True);
        }

        [Test]
        public void RequestsFromManyThreadsArriveOnceEachInEachThreadsOrder()
        {
            const int threads = 4, perThread = 2000;
            var controls = new ConversationControls();
            var taken = new List<string>();
            using var go = new ManualResetEventSlim();
            var posters = Enumerable.Range(0, threads).Select(t => Task.Run(() =>
            {
                go.Wait();
                for (int i = 0; i < perThread; i++) controls.Post(new ControlRequest(ControlKind.SendText, $"{t}:{i}"));
            })).ToArray();
            go.Set();
            var all = Task.WhenAll(posters);
            while (!all.IsCompleted || !controls.IsEmpty)
            {
                for (var r = controls.TakeAll(); r != null; r = r.Next) taken.Add(r.Text);
            }

            Assert.That(taken, Has.Count.EqualTo(threads * perThread));
            Assert.That(taken.Distinct().Count(), Is.EqualTo(threads * perThread));
            for (int t = 0; t < threads; t++)
            {
                var mine = taken.Where(x => x.StartsWith(t + ":")).Select(x => int.Parse(x.Substring(x.IndexOf(':') + 1))).ToList();
                Assert.That(mine, Is.EqualTo(Enumerable.Range(0, perThread)), $"thread {t}'s requests in the order it posted them");
            }
        }
    }
}
