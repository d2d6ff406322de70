using System;
using NUnit.Framework;
using VoiceNpc.Conversation;
using VoiceNpc.Presentation;

namespace VoiceNpc.Tests.Presentation
{
    public class PlayerTranscriptTests
    {
        private static readonly TimeSpan T = TimeSpan.Zero;

        [Test]
        public void InterimResultsAreReplacedAndTheFinalOneStays()
        {
            var line = new PlayerTranscript(lingerSeconds: 2);
            line.Handle(new TranscriptReceived(T, 1, "what do", false));
            Assert.That((line.Text, line.IsFinal), Is.EqualTo(("what do", false)));
            line.Handle(new TranscriptReceived(T, 1, "what do you sell", true));
            line.Handle(new TranscriptReceived(T, 1, "what do you", false));
            Assert.That((line.Text, line.IsFinal), Is.EqualTo(("what do you sell", true)), "a late interim result does not replace the final one");
            line.Advance(1.9);
            Assert.That(line.Text, Is.EqualTo("what do you sell"));
            line.Advance(0.2);
            Assert.That(line.Text, Is.Empty);
        }

        [Test]
        public void TheNextUtteranceReplacesTheLastAndInterimNeverTimesOut()
        {
            var line = new PlayerTranscript(lingerSeconds: 1);
            line.Handle(new TranscriptReceived(T, 1, "hello", true));
            line.Handle(new TranscriptReceived(T, 2, "how much", false));
            line.Advance(10);
            Assert.That((line.Text, line.IsFinal), Is.EqualTo(("how much", false)));
        }

        [Test]
        public void AnEmptyFinalTranscriptTakesTheLineDown()
        {
            var line = new PlayerTranscript();
            bool? lastFinal = null;
            line.Changed += (_, final) => lastFinal = final;
            line.Handle(new TranscriptReceived(T, 1, "uh", false));
            line.Handle(new TranscriptReceived(T, 1, "", true));
            Assert.That(line.Text, Is.Empty);
            Assert.That(lastFinal, Is.True);
        }
    }
}
