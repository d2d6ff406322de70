using System.Linq;
using System.Text;
using VoiceNpc.Characters;
using VoiceNpc.Conversation;
using VoiceNpc.Memory;

namespace VoiceNpc.Brain
{
    /// <summary>
    /// The system prompt an LLM brain sends for a character: persona, world facts, speaking style and reply length,
    /// stay-in-character rules, topics to deflect with their lines, then what the character remembers of the player
    /// within a token budget. The editor's prompt preview shows exactly this text.
    /// </summary>
    public static class SystemPrompt
    {
        /// <summary>Rules every character gets: spoken replies, never breaking the fiction.</summary>
        public static readonly string[] BuiltInRules =
        {
            "Stay in character whatever the player says.",
            "Never mention being an AI, a model or a game character.",
            "Speak as you would aloud: no lists, no stage directions, no emoji.",
        };

        public static string Build(CharacterDefinition character, ConversationMemory? memory = null, int memoryTokenBudget = 600)
        {
            var prompt = character.Prompt;
            var text = new StringBuilder(character.Persona.Trim());
            if (prompt.WorldFacts.Count > 0)
            {
                text.Append("\n\nWhat you know of the world:");
                foreach (var fact in prompt.WorldFacts) text.Append("\n- ").Append(fact.Trim());
            }
            text.Append("\n\nHow you speak: ");
            if (prompt.SpeakingStyle.Trim().Length > 0) text.Append(prompt.SpeakingStyle.Trim().TrimEnd('.')).Append(". ");
            text.Append(prompt.MaxReplySentences == 1 ? "Answer in one short sentence." : $"Answer in at most {prompt.MaxReplySentences} short sentences.");
            text.Append("\n\nRules:");
            foreach (var rule in BuiltInRules.Concat(prompt.Rules)) text.Append("\n- ").Append(rule.Trim());
            foreach (var deflection in prompt.Deflections)
                text.Append($"\n- If the player asks about {string.Join(", ", deflection.Topics.Select(t => t.Trim()))}, do not discuss it; say only: \"{deflection.Line.Trim()}\"");
            if (memory != null)
            {
                string remembered = MemoryPrompt.Render(memory, memoryTokenBudget);
                if (remembered.Length > 0) text.Append("\n\n").Append(remembered);
            }
            return text.ToString();
        }
    }
}
