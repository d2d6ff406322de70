using System.Collections.Generic;
using VoiceNpc.Characters;

namespace VoiceNpc.Brain
{
    /// <summary>Everything a brain needs to answer the player's latest line.</summary>
    public sealed record BrainRequest(CharacterDefinition Character, string PlayerText, IReadOnlyList<DialogueTurn> History);
}
