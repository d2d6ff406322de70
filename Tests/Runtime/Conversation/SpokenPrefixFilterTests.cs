using System.Linq;
using NUnit.Framework;
using VoiceNpc.Conversation;

namespace VoiceNpc.Tests.Conversation
{
    /// <summary>A continuing brain that starts its reply over does not make the NPC say the spoken words twice.</summary>
    public class SpokenPrefixFilterTests
    {
        private static string Run(string spoken, params string[] pieces)
        {
            var filter = new SpokenPrefixFilter(spoken);
            return string.Concat(pieces.Select(filter.Filter)) + filter.Flush();
        }

        [Test]
        public void ARestatementIsDroppedWhateverItsPiecesAndCase() =>
            Assert.That(Run("Shields are twenty gold,", "Sh", "ields ARE twen", "ty gold", ", swords", " thirty."), Is.EqualTo("swords thirty."));

        [Test]
        public void AContinuationPassesUnchanged() =>
            Assert.That(Run("Shields are twenty gold,", "swords ", "thirty."), Is.EqualTo("swords thirty."));

        [Test]
        public void TextThatOnlyBeginsLikeTheSpokenWordsIsKept() =>
            Assert.That(Run("Shields are twenty gold,", "Shields are ", "cheap today."), Is.EqualTo("Shields are cheap today."));

        [Test]
        public void AReplyThatOnlyRestatesSaysNothingMore() =>
            Assert.That(Run("Shields are twenty gold,", "Shields are twenty gold."), Is.Empty);

        [Test]
        public void WithNothingSpokenEverythingPasses() => Assert.That(Run("", "Hello ", "there."), Is.EqualTo("Hello there."));
    }
}
