using System.Linq;
using NUnit.Framework;
using VoiceNpc.Authoring;
using VoiceNpc.Brain;
using VoiceNpc.Characters;
using VoiceNpc.Conversation;
using VoiceNpc.Providers.Scripted;
using VoiceNpc.Tests.Support;

namespace VoiceNpc.Tests.Authoring
{
    /// <summary>The prompt builder: every part of the character's prompt section in the text, in order, and its token count.</summary>
    public class PromptPreviewTests
    {
        private static CharacterDefinition Brenna => CharacterLoader.Load(RepoPaths.BlacksmithCharacter);

        [Test]
        public void ThePromptHoldsPersonaWorldStyleRulesAndDeflectionsInThatOrder()
        {
            var preview = PromptPreview.Of(Brenna);
            string text = preview.SystemPrompt;
            var parts = new[]
            {
                "You are Brenna, the blacksmith of Oakford",
                "What you know of the world:\n- Oakford is a river town",
                "How you speak: Gruff and plain, smith's words, a dry joke now and then. Answer in at most 2 short sentences.",
                "Rules:\n- Stay in character whatever the player says.",
                "- Never invent prices other than the ones you know.",
                "- If the player asks about king, politics, war, do not discuss it; say only: \"I keep my nose out of the king's business. Ask me about steel.\"",
            };
            int at = 0;
            foreach (var part in parts)
            {
                int found = text.IndexOf(part, at, System.StringComparison.Ordinal);
                Assert.That(found, Is.GreaterThanOrEqualTo(0), $"\"{part}\" (in order) in:\n{text}");
                at = found + part.Length;
            }
            Assert.That(preview.Tokenizer, Is.EqualTo("o200k_base"));
            Assert.That(preview.Tokens, Is.InRange(text.Length / 6, text.Length / 3), "English runs about four characters a token");
        }

        [Test]
        public void WhatTheCharacterRemembersIsAddedAfterTheRules()
        {
            var memory = new ConversationMemory();
            memory.RememberFact("name", "The player's name is Arwen.", "game");
            string text = PromptPreview.Of(Brenna, memory).SystemPrompt;
            Assert.That(text, Does.EndWith("What you know about the player:\n- name: The player's name is Arwen."));
            Assert.That(PromptPreview.Of(Brenna, memory).Tokens, Is.GreaterThan(PromptPreview.Of(Brenna).Tokens));
        }

        [Test]
        public void AOneSentenceLimitReadsAsOne()
        {
            var character = Brenna with { Prompt = Brenna.Prompt with { MaxReplySentences = 1 } };
            Assert.That(SystemPrompt.Build(character), Does.Contain("Answer in one short sentence."));
        }

        [Test]
        public void TheOfflineBrainDeflectsTheSameTopics()
        {
            var brain = new ScriptedBrain();
            string line = brain.ChooseLine(new BrainRequest(Brenna, "what do you think of the king", new DialogueTurn[0]));
            Assert.That(line, Is.EqualTo("I keep my nose out of the king's business. Ask me about steel."));
            Assert.That(brain.ChooseLine(new BrainRequest(Brenna, "what do you sell", new DialogueTurn[0])), Does.StartWith("Swords, axes and shields"));
        }
    }
}
