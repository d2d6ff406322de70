using System.Collections.Generic;
using VoiceNpc.Characters;

namespace VoiceNpc.Brain
{
    /// <summary>Everything a brain needs to answer the player's latest line.</summary>
    public sealed record BrainRequest(CharacterDefinition Character, string PlayerText, IReadOnlyList<DialogueTurn> History)
    {
        /// <summary>The conversation's memory: facts and the summary of older sessions to use, and where to mark new facts.</summary>
        public Conversation.ConversationMemory? Memory { get; init; }

        /// <summary>
        /// The start of this reply, already spoken by a brain that failed mid-reply (empty otherwise): continue from
        /// there, without saying it again.
        /// </summary>
        public string SpokenSoFar { get; init; } = "";
    }
}
