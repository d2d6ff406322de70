using System;
using System.Linq;
using System.Threading;
using NUnit.Framework;
using VoiceNpc.Brain;
using VoiceNpc.Characters;
using VoiceNpc.Providers.Scripted;
using VoiceNpc.Tests.Support;

namespace VoiceNpc.Tests.Providers
{
    /// <summary>The scripted brain taking over a reply another brain started (<see cref="BrainRequest.SpokenSoFar"/>).</summary>
    public class ScriptedBrainContinuationTests
    {
        private const string WaresLine = "Swords, axes and shields, all forged right here. Take a look at the rack.";

        private static string Continue(string spokenSoFar)
        {
            var request = new BrainRequest(CharacterLoader.Load(RepoPaths.BlacksmithCharacter), "what do you sell", Array.Empty<DialogueTurn>())
            {
                SpokenSoFar = spokenSoFar,
            };
            return string.Concat(new ScriptedBrain().StreamReplyAsync(request, CancellationToken.None).ToBlockingList());
        }

        [Test]
        public void TheStartOfItsOwnLineIsNotSaidAgain() =>
            Assert.That(Continue("Swords, axes and shields,"), Is.EqualTo("all forged right here. Take a look at the rack."));

        [Test]
        public void ItsLineStandsWholeAfterWordsItWouldNotHaveSaid() => Assert.That(Continue("Well now,"), Is.EqualTo(WaresLine));

        [Test]
        public void NothingIsLeftWhenTheWholeLineWasSaid() => Assert.That(Continue(WaresLine), Is.Empty);
    }
}
