using System;
using NUnit.Framework;
using VoiceNpc.Conversation;
using VoiceNpc.Presentation;

namespace VoiceNpc.Tests.Presentation
{
    public class LatencyWaterfallTests
    {
        private static TimeSpan S(double seconds) => TimeSpan.FromSeconds(seconds);

        private static TurnMetrics Metrics(TimeSpan? transcript, TimeSpan? token, TimeSpan? clause, TimeSpan? audio, TimeSpan? output) =>
            new TurnMetrics(3, "what do you sell", "Swords.", false, false, "pocketsphinx", "scripted", "flite", S(10), transcript, token, clause,
                audio, output);

        [Test]
        public void EachStageCountsFromTheOneBefore()
        {
            var waterfall = LatencyWaterfall.From(Metrics(S(10.3), S(10.35), S(10.5), S(10.7), S(10.9)));
            Assert.That(waterfall.Segments.Count, Is.EqualTo(5));
            Assert.That(waterfall.Segments[0], Is.EqualTo(new LatencySegment("transcript", "pocketsphinx", S(0), S(0.3))));
            Assert.That(waterfall.Segments[1].Duration!.Value.TotalSeconds, Is.EqualTo(0.05).Within(1e-9));
            Assert.That(waterfall.Segments[3], Is.EqualTo(new LatencySegment("first audio", "flite", S(0.5), S(0.2))));
            Assert.That(waterfall.Segments[4].Start, Is.EqualTo(S(0.7)));
            Assert.That(waterfall.VoiceToVoice!.Value.TotalSeconds, Is.EqualTo(0.9).Within(1e-9));
        }

        [Test]
        public void AStageNotReachedIsShownAsSuchAndTheNextCountsFromTheLastReached()
        {
            var waterfall = LatencyWaterfall.From(Metrics(S(10.3), null, null, S(10.6), null));
            Assert.That(waterfall.Segments[1].Reached, Is.False);
            Assert.That(waterfall.Segments[3], Is.EqualTo(new LatencySegment("first audio", "flite", S(0.3), S(0.3))));
            Assert.That(waterfall.VoiceToVoice, Is.Null);
            var lines = waterfall.Lines(10);
            Assert.That(lines[1], Does.EndWith("—"));
            Assert.That(lines[5], Is.EqualTo("voice to voice —"));
        }

        [Test]
        public void MarksOutOfOrderNeverGiveANegativeStage()
        {
            var waterfall = LatencyWaterfall.From(Metrics(S(10.3), S(10.29), S(10.4), S(10.5), S(10.6)));
            Assert.That(waterfall.Segments[1].Duration, Is.EqualTo(TimeSpan.Zero));
            Assert.That(waterfall.Segments[2].Start, Is.EqualTo(S(0.3)));
        }

        [Test]
        public void TheTextBarsStartWhereTheirStageStarts()
        {
            var lines = LatencyWaterfall.From(Metrics(S(10.5), S(10.5), S(10.5), S(10.75), S(11))).Lines(4);
            Assert.That(lines[0], Does.EndWith(" 0.50 s ██"));
            Assert.That(lines[3], Does.EndWith(" 0.25 s   █"));
            Assert.That(lines[4], Does.EndWith(" 0.25 s    █"));
            Assert.That(lines[5], Is.EqualTo("voice to voice 1.00 s"));
        }
    }
}
