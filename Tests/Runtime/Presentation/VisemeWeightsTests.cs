using System;
using NUnit.Framework;
using VoiceNpc.Conversation;
using VoiceNpc.Presentation;

namespace VoiceNpc.Tests.Presentation
{
    public class VisemeWeightsTests
    {
        // Channel 0 opens for AI (attack 0.05 s, release 0.1 s); channel 1 closes the lips for MBP and jumps (0 s).
        private static VisemeWeights Rig() => new VisemeWeights(
            new[] { new BlendShapeTiming(0.05, 0.1), new BlendShapeTiming(0, 0) },
            new[] { new VisemeTarget(Viseme.AI, 0, 100), new VisemeTarget(Viseme.O, 0, 60), new VisemeTarget(Viseme.MBP, 1, 80) });

        [Test]
        public void AChannelRisesWithItsAttackTowardTheMouthShapesWeight()
        {
            var lips = Rig();
            lips.Show(Viseme.AI, TimeSpan.FromSeconds(1));
            lips.Advance(0.05);   // one time constant: 1 - 1/e of the way
            Assert.That(lips.Weights[0], Is.EqualTo(100 * (1 - Math.Exp(-1))).Within(0.01));
            lips.Advance(0.5);
            Assert.That(lips.Weights[0], Is.EqualTo(100).Within(0.01));
            Assert.That(lips.Weights[1], Is.Zero);
        }

        [Test]
        public void AfterThePhonesDurationTheMouthReleasesWithTheReleaseTime()
        {
            var lips = Rig();
            lips.Show(Viseme.AI, TimeSpan.FromMilliseconds(80));
            lips.Advance(0.04);
            float open = lips.Weights[0];
            lips.Advance(0.04);   // the phone ends here: silence from now on
            Assert.That(lips.Current, Is.EqualTo(Viseme.Silence));
            float atEnd = lips.Weights[0];
            lips.Advance(0.1);
            Assert.That(atEnd, Is.GreaterThan(open * 0.5f));
            Assert.That(lips.Weights[0], Is.EqualTo(atEnd * Math.Exp(-1)).Within(0.01));
        }

        [Test]
        public void ANewPhoneMovesEveryChannelToItsPose()
        {
            var lips = Rig();
            lips.Show(Viseme.AI, TimeSpan.FromSeconds(10));
            lips.Advance(1);
            lips.Show(Viseme.MBP, TimeSpan.FromSeconds(1));
            lips.Advance(0.1);
            Assert.That(lips.Weights[1], Is.EqualTo(80), "a zero time constant jumps");
            Assert.That(lips.Weights[0], Is.EqualTo(100 * Math.Exp(-1)).Within(0.01), "the open channel releases");
            lips.Show(Viseme.O, TimeSpan.FromSeconds(1));
            lips.Advance(0.9);
            Assert.That(lips.Weights[0], Is.EqualTo(60).Within(0.01));
            Assert.That(lips.Weights[1], Is.Zero);
        }

        [Test]
        public void SilenceClosesTheMouthFromWhereItIs()
        {
            var lips = Rig();
            lips.Show(Viseme.MBP, TimeSpan.FromSeconds(1));
            lips.Advance(0.01);
            lips.Silence();
            lips.Advance(0.01);
            Assert.That(lips.Weights[1], Is.Zero);
        }

        [Test]
        public void EveryMouthShapeHasAPose()
        {
            var lips = Rig();
            foreach (Viseme viseme in Enum.GetValues(typeof(Viseme)))
            {
                lips.Show(viseme, TimeSpan.FromSeconds(1));
                Assert.That(lips.Current, Is.EqualTo(viseme));
            }
        }

        [Test]
        public void ResetClosesTheMouthAtOnce()
        {
            var lips = Rig();
            lips.Show(Viseme.AI, TimeSpan.FromSeconds(1));
            lips.Advance(0.5);
            lips.Reset();
            Assert.That(lips.Weights, Is.EqualTo(new[] { 0f, 0f }));
            Assert.That(lips.Current, Is.EqualTo(Viseme.Silence));
        }

        [Test]
        public void ATargetBeyondTheChannelsIsRefusedNamingIt()
        {
            var e = Assert.Throws<ArgumentOutOfRangeException>(() =>
                new VisemeWeights(new[] { new BlendShapeTiming(0, 0) }, new[] { new VisemeTarget(Viseme.E, 3, 1) }));
            Assert.That(e!.Message, Does.Contain("E names channel 3, but there are 1 channels"));
        }

        [Test]
        public void ShowingAndAdvancingAllocateNothing()
        {
            var lips = Rig();
            lips.Show(Viseme.AI, TimeSpan.FromSeconds(1));
            lips.Advance(0.016);
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < 1000; i++)
            {
                lips.Show((Viseme)(i % 10), TimeSpan.FromMilliseconds(60));
                lips.Advance(0.016);
            }
            Assert.That(GC.GetAllocatedBytesForCurrentThread() - before, Is.Zero);
        }
    }
}
