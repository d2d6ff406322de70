using Microsoft.ML.Tokenizers;
using VoiceNpc.Brain;
using VoiceNpc.Characters;
using VoiceNpc.Conversation;

namespace VoiceNpc.Authoring
{
    /// <summary>The exact system prompt an LLM brain sends for a character, and what it costs in tokens.</summary>
    public sealed record PromptPreview(string SystemPrompt, int Tokens, string Tokenizer)
    {
        private static Tokenizer? _o200k;

        /// <summary>
        /// Built by the same <see cref="Brain.SystemPrompt"/> the OpenAI brain uses; counted with o200k_base, the
        /// tokenizer of OpenAI's current models (others differ by a few percent).
        /// </summary>
        public static PromptPreview Of(CharacterDefinition character, ConversationMemory? memory = null, int memoryTokenBudget = 600)
        {
            string prompt = Brain.SystemPrompt.Build(character, memory, memoryTokenBudget);
            _o200k ??= TiktokenTokenizer.CreateForEncoding("o200k_base");
            return new PromptPreview(prompt, _o200k.CountTokens(prompt), "o200k_base");
        }
    }
}
