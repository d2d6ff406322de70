namespace VoiceNpc.Characters
{
    /// <summary>How much a character remembers of a player in detail; older turns are folded into a rolling summary.</summary>
    public sealed record MemorySettings
    {
        /// <summary>Recent turns kept word for word.</summary>
        public int MaxTurns { get; init; } = 20;

        /// <summary>Longest rolling summary; its oldest sentences go first.</summary>
        public int MaxSummaryCharacters { get; init; } = 2000;

        public static MemorySettings Default { get; } = new MemorySettings();
    }
}
