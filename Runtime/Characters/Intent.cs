using System.Collections.Generic;

namespace VoiceNpc.Characters
{
    /// <summary>Something a player may want from the character, how to spot it, and what the character says.</summary>
    public sealed record Intent(string Id, IReadOnlyList<string> Keywords, IReadOnlyList<string> Examples, IReadOnlyList<string> Lines)
    {
        /// <summary>When set, what the player said to this intent is remembered as a fact of this kind ("name", "promise").</summary>
        public string? Remember { get; init; }
    }
}
