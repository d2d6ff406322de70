using System.Collections.Generic;
using NUnit.Framework;
using VoiceNpc.Conversation;

namespace VoiceNpc.Tests.Conversation
{
    public class ClauseChunkerTests
    {
        private static List<string> Chunk(params string[] pieces)
        {
            var chunker = new ClauseChunker();
            var clauses = new List<string>();
            foreach (var piece in pieces) clauses.AddRange(chunker.Append(piece));
            var rest = chunker.Flush();
            if (rest != null) clauses.Add(rest);
            return clauses;
        }

        [Test]
        public void CutsAtSentenceEndsAsTokensStream()
        {
            Assert.That(Chunk("Hello", " there", ". How", " are", " you", "? Fine", "!"),
                Is.EqualTo(new[] { "Hello there.", "How are you?", "Fine!" }));
        }

        [Test]
        public void CutsAtACommaOnlyAfterEnoughWords()
        {
            Assert.That(Chunk("Yes, I forge swords and axes, shields too."),
                Is.EqualTo(new[] { "Yes, I forge swords and axes,", "shields too." }));
        }

        [Test]
        public void DoesNotCutAfterAbbreviationsOrInsideNumbers()
        {
            Assert.That(Chunk("Ask Mr. Smith about the 3.5 gold coins. Then go."),
                Is.EqualTo(new[] { "Ask Mr. Smith about the 3.5 gold coins.", "Then go." }));
        }

        [Test]
        public void TheLastCharacterWaitsForMoreText()
        {
            var chunker = new ClauseChunker();
            Assert.That(chunker.Append("Done."), Is.Empty);
            Assert.That(chunker.Append(" Next"), Is.EqualTo(new[] { "Done." }));
            Assert.That(chunker.Flush(), Is.EqualTo("Next"));
            Assert.That(chunker.Flush(), Is.Null);
        }

        [Test]
        public void ResetDropsBufferedText()
        {
            var chunker = new ClauseChunker();
            chunker.Append("Half a sentence");
            chunker.Reset();
            Assert.That(chunker.Flush(), Is.Null);
        }
    }
}
