using System.Collections.Generic;

namespace VoiceNpc.Characters
{
    /// <summary>What an LLM brain is told beyond the persona: the world, the way of speaking, the rules, what to deflect.</summary>
    public sealed record PromptSettings
    {
        /// <summary>Facts of the game world the character knows and may talk about.</summary>
        public IReadOnlyList<string> WorldFacts { get; init; } = new string[0];

        /// <summary>How the character talks ("short, blunt sentences; smithing words").</summary>
        public string SpeakingStyle { get; init; } = "";

        /// <summary>Longest reply, in sentences: spoken replies must be short.</summary>
        public int MaxReplySentences { get; init; } = 3;

        /// <summary>Stay-in-character rules, added to the built-in ones.</summary>
        public IReadOnlyList<string> Rules { get; init; } = new string[0];

        /// <summary>Topics the character does not discuss, each with the line it answers instead.</summary>
        public IReadOnlyList<Deflection> Deflections { get; init; } = new Deflection[0];

        public static PromptSettings Default { get; } = new PromptSettings();
    }

    /// <summary>Topics to steer away from, and the line the character says instead.</summary>
    public sealed record Deflection(IReadOnlyList<string> Topics, string Line);
}
