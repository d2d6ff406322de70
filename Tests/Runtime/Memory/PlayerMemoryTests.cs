using System.Linq;
using NUnit.Framework;
using VoiceNpc.Audio;
using VoiceNpc.Characters;
using VoiceNpc.Conversation;
using VoiceNpc.Memory;
using VoiceNpc.Tests.Support;

namespace VoiceNpc.Tests.Memory
{
    /// <summary>An NPC remembers a player between sessions: turns within its budget, a summary of older ones, facts its brain marked.</summary>
    public class PlayerMemoryTests
    {
        private static CharacterDefinition Character()
        {
            var brenna = CharacterLoader.Load(RepoPaths.BlacksmithCharacter);
            var introduce = new Intent("introduce", new[] { "call me", "name is" }, new[] { "my name is", "call me" }, new[] { "Good to know you." }) { Remember = "name" };
            return brenna with
            {
                Intents = new[] { introduce, brenna.Intents.First(i => i.Id == "wares") },
                Memory = new MemorySettings { MaxTurns = 2 },
            };
        }

        private static ConversationHarness Session(PlayerMemory memory, params string[] lines)
        {
            var harness = new ConversationHarness(lines) { Character = Character(), InitialMemory = memory.Conversation };
            harness.Run(new PlayerScript(lines.Select(_ => ConversationHarness.Speech(0.6)).ToArray()), lines.Length);
            return harness;
        }

        [Test]
        public void TheNextSessionRemembersTurnsSummaryAndFacts()
        {
            using var files = new MemoryFiles();
            var store = new MemoryStore(files.Folder);
            var first = PlayerMemory.Open(store, Character(), "p1");
            Session(first, "my name is Aerin", "what do you sell", "what can I buy");
            first.Save();

            var second = PlayerMemory.Open(store, Character(), "p1");
            Assert.That(second.Loaded.Source, Is.EqualTo(MemorySource.File));
            Assert.That(second.Saved.Turns.Select(t => t.PlayerText), Is.EqualTo(new[] { "what do you sell", "what can I buy" }), "the budget keeps the last two turns");
            Assert.That(second.Saved.SummarizedTurns, Is.EqualTo(1));
            Assert.That(second.Saved.Summary, Does.Contain("my name is Aerin").And.Contain("Good to know you."));
            var fact = second.Saved.Facts.Single();
            Assert.That((fact.Kind, fact.Text, fact.Source), Is.EqualTo(("name", "my name is Aerin", "scripted")));

            var harness = Session(second, "what do you sell");
            var request = harness.Brain.Requests.Single();
            Assert.That(request.History.Select(t => t.PlayerText), Is.EqualTo(new[] { "what do you sell", "what can I buy" }));
            Assert.That(request.Memory!.Facts.Single().Text, Is.EqualTo("my name is Aerin"));
            Assert.That(request.Memory.Summary, Does.Contain("Aerin"));
        }

        [Test]
        public void SavingAfterEachTurnAddsOnlyWhatIsNew()
        {
            using var files = new MemoryFiles();
            var store = new MemoryStore(files.Folder);
            var memory = PlayerMemory.Open(store, Character() with { Memory = new MemorySettings { MaxTurns = 10 } }, "p1");
            Session(memory, "what do you sell");
            memory.Save();
            memory.Save();
            Assert.That(store.Load(Character().Id, "p1").Memory.Turns, Has.Count.EqualTo(1));
        }

        [Test]
        public void ALineTheGameGaveTheNpcIsSummarizedAsHeard()
        {
            var memory = new NpcMemory("c", "p");
            memory.Turns.Add(new RememberedTurn("", "Bring me three iron bars.", true, default));
            memory.Turns.Add(new RememberedTurn("ok", "Good.", false, default));
            MemoryBudget.Apply(memory, new MemorySettings { MaxTurns = 1 });
            Assert.That(memory.Summary, Is.EqualTo("The player heard \"Bring me three iron bars.\" (cut off)."));
        }

        [Test]
        public void TheSummaryDropsItsOldestSentencesWhenItOutgrowsItsLimit()
        {
            var memory = new NpcMemory("c", "p");
            for (int i = 0; i < 30; i++) memory.Turns.Add(new RememberedTurn($"line {i}", "ok", false, default));
            MemoryBudget.Apply(memory, new MemorySettings { MaxTurns = 5, MaxSummaryCharacters = 200 });
            Assert.That(memory.Turns.Select(t => t.PlayerText), Is.EqualTo(Enumerable.Range(25, 5).Select(i => $"line {i}")));
            Assert.That(memory.SummarizedTurns, Is.EqualTo(25));
            Assert.That(memory.Summary.Length, Is.LessThanOrEqualTo(200));
            Assert.That(memory.Summary, Does.StartWith("The player said").And.EndWith("\"line 24\" and heard \"ok\"."));
        }
    }
}
