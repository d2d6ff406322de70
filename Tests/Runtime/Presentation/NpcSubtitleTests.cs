using System;
using System.Collections.Generic;
using NUnit.Framework;
using VoiceNpc.Conversation;
using VoiceNpc.Presentation;

namespace VoiceNpc.Tests.Presentation
{
    public class NpcSubtitleTests
    {
        private static readonly TimeSpan T = TimeSpan.Zero;

        private static SubtitleWord Word(int turn, string word) => new SubtitleWord(T, turn, word, TimeSpan.FromMilliseconds(200));

        [Test]
        public void TheLineGrowsWordByWordAsTheWordsAreHeard()
        {
            var subtitle = new NpcSubtitle();
            var shown = new List<string>();
            subtitle.Changed += shown.Add;
            subtitle.Handle(new NpcLineStarted(T, 1, "Swords, axes and nails.", 0));
            Assert.That(subtitle.Text, Is.Empty, "nothing is heard yet at the line's start");
            // As Flite reports them: lowercase, without punctuation; shown in the line's own spelling.
            foreach (var w in new[] { "swords", "axes", "and", "nails" }) subtitle.Handle(Word(1, w));
            subtitle.Handle(new NpcLineEnded(T, 1, "Swords, axes and nails.", "Swords, axes and nails.", false, 32000));
            Assert.That(shown, Is.EqualTo(new[] { "Swords,", "Swords, axes", "Swords, axes and", "Swords, axes and nails." }));
        }

        [Test]
        public void ANumberSpokenAsWordsShowsOnceAndWordsBeyondTheKnownTextShowAsHeard()
        {
            var subtitle = new NpcSubtitle();
            subtitle.Handle(new NpcLineStarted(T, 1, "That is 3.5 gold.", 0));
            foreach (var w in new[] { "that", "is", "three", "point", "five", "gold", "for", "you" }) subtitle.Handle(Word(1, w));
            Assert.That(subtitle.Text, Is.EqualTo("That is 3.5 gold. for you"));
        }

        [Test]
        public void AWordTheVoiceSkippedIsShownWhenTheNextOneIsHeard()
        {
            var subtitle = new NpcSubtitle();
            subtitle.Handle(new NpcLineStarted(T, 1, "Aye, the forge is hot.", 0));
            subtitle.Handle(Word(1, "aye"));
            subtitle.Handle(Word(1, "forge"));
            Assert.That(subtitle.Text, Is.EqualTo("Aye, the forge"));
        }

        [Test]
        public void AnInterruptedLineKeepsTheHeardWordsAndShowsTheMark()
        {
            var subtitle = new NpcSubtitle(interruptedMark: "—");
            subtitle.Handle(new NpcLineStarted(T, 2, "I forge swords and axes.", 0));
            subtitle.Handle(Word(2, "i"));
            subtitle.Handle(Word(2, "forge"));
            Assert.That(subtitle.Text, Is.EqualTo("I forge"));
            subtitle.Handle(new NpcLineEnded(T, 2, "I forge swords and axes.", "I forge", true, 8000));
            Assert.That(subtitle.Text, Is.EqualTo("I forge—"));
        }

        [Test]
        public void AFinishedLineLingersThenGoes()
        {
            var subtitle = new NpcSubtitle(lingerSeconds: 1);
            subtitle.Handle(new NpcLineStarted(T, 1, "Aye.", 0));
            subtitle.Handle(Word(1, "Aye."));
            subtitle.Advance(5);
            Assert.That(subtitle.Text, Is.EqualTo("Aye."), "a line still being spoken never times out");
            subtitle.Handle(new NpcLineEnded(T, 1, "Aye.", "Aye.", false, 4000));
            subtitle.Advance(0.6);
            Assert.That(subtitle.Text, Is.EqualTo("Aye."));
            subtitle.Advance(0.6);
            Assert.That(subtitle.Text, Is.Empty);
        }

        [Test]
        public void AFillerShowsAsItsOwnLineUntilTheReplyStarts()
        {
            var subtitle = new NpcSubtitle();
            subtitle.Handle(new FillerStarted(T, 3, "Hmm, let me think."));
            subtitle.Handle(Word(3, "Hmm,"));
            Assert.That(subtitle.IsFiller, Is.True);
            Assert.That(subtitle.Text, Is.EqualTo("Hmm,"));
            subtitle.Handle(new NpcLineStarted(T, 3, "Ten gold.", 0));
            Assert.That(subtitle.IsFiller, Is.False);
            Assert.That(subtitle.Text, Is.Empty);
            subtitle.Handle(Word(3, "Ten"));
            Assert.That(subtitle.Text, Is.EqualTo("Ten"));
        }

        [Test]
        public void AFillerWhoseTurnEndsWithoutALineLingersToo()
        {
            var subtitle = new NpcSubtitle(lingerSeconds: 1);
            subtitle.Handle(new FillerStarted(T, 4, "One moment."));
            subtitle.Handle(Word(4, "One"));
            var metrics = new TurnMetrics(4, "what", "", true, true, "stt", "llm", "tts", T, null, null, null, null, null);
            subtitle.Handle(new TurnCompleted(T, metrics));
            subtitle.Advance(1.5);
            Assert.That(subtitle.Text, Is.Empty);
        }

        [Test]
        public void ALineEndWithoutWordsShowsWhatWasHeard()
        {
            var subtitle = new NpcSubtitle();
            subtitle.Handle(new NpcLineStarted(T, 5, "Farewell.", 0));
            subtitle.Handle(new NpcLineEnded(T, 5, "Farewell.", "Farewell.", false, 4000));
            Assert.That(subtitle.Text, Is.EqualTo("Farewell."));
        }

        [Test]
        public void WordsOfANewTurnStartANewLine()
        {
            var subtitle = new NpcSubtitle();
            subtitle.Handle(new NpcLineStarted(T, 1, "Aye.", 0));
            subtitle.Handle(Word(1, "Aye."));
            subtitle.Handle(new NpcLineEnded(T, 1, "Aye.", "Aye.", false, 4000));
            subtitle.Handle(Word(2, "Well"));
            Assert.That(subtitle.Text, Is.EqualTo("Well"));
        }
    }
}
