using System.Linq;
using NUnit.Framework;
using VoiceNpc.Brain;
using VoiceNpc.Conversation;
using VoiceNpc.Memory;

namespace VoiceNpc.Tests.Memory
{
    public class MemoryPromptTests
    {
        private static ConversationMemory Memory()
        {
            var turns = Enumerable.Range(0, 10).Select(i => new DialogueTurn($"question {i}", $"answer {i}", i == 9));
            var memory = new ConversationMemory(turns, summary: "The player bought a shield last week.");
            memory.RememberFact("name", "The player is Aerin.", "scripted");
            return memory;
        }

        [Test]
        public void EverythingFitsInAGenerousBudget()
        {
            string prompt = MemoryPrompt.Render(Memory(), 1000);
            Assert.That(prompt, Does.StartWith("What you know about the player:\n- name: The player is Aerin."));
            Assert.That(prompt, Does.Contain("Earlier: The player bought a shield last week."));
            Assert.That(prompt, Does.Contain("Player: question 0").And.EndWith("You: answer 9 (the player cut you off here)"));
        }

        [Test]
        public void ATightBudgetKeepsFactsSummaryAndTheNewestTurnsWhole()
        {
            string prompt = MemoryPrompt.Render(Memory(), 60);
            Assert.That(MemoryPrompt.EstimateTokens(prompt), Is.LessThanOrEqualTo(60));
            Assert.That(prompt, Does.Contain("The player is Aerin.").And.Contain("Earlier:"));
            Assert.That(prompt, Does.Contain("question 9").And.Not.Contain("question 0"));
            Assert.That(prompt.Split('\n').Count(l => l.StartsWith("Player:")), Is.EqualTo(prompt.Split('\n').Count(l => l.StartsWith("You:"))), "no turn is cut in half");
        }

        [Test]
        public void ALineTheGameGaveTheNpcIsRememberedAsTheNpcsAlone()
        {
            var memory = new ConversationMemory(new[]
            {
                new DialogueTurn("", "Bring me three iron bars.", false),
                new DialogueTurn("ok", "Good.", false),
            });
            string prompt = MemoryPrompt.Render(memory, 1000);
            Assert.That(prompt, Is.EqualTo("Recently:\nYou: Bring me three iron bars.\nPlayer: ok\nYou: Good."));
        }

        [Test]
        public void NoBudgetMeansNoMemory()
        {
            Assert.That(MemoryPrompt.Render(Memory(), 0), Is.Empty);
            Assert.That(MemoryPrompt.Render(new ConversationMemory(), 100), Is.Empty);
        }
    }
}
