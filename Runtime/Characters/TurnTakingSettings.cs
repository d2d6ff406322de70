namespace VoiceNpc.Characters
{
    /// <summary>
    /// Thresholds of turn taking, per character. Defaults follow the voice-agent frameworks: a 0.2 s VAD stop
    /// (Pipecat), barge-in only after 0.5 s of speech (LiveKit), and a cap on a single player turn.
    /// </summary>
    public sealed record TurnTakingSettings
    {
        /// <summary>Speech probability at or above which a VAD window counts as speech.</summary>
        public float VadThreshold { get; init; } = 0.5f;

        /// <summary>Speech must last this long before the player is considered speaking.</summary>
        public double SpeechStartSeconds { get; init; } = 0.1;

        /// <summary>Silence after speech that ends the player's turn.</summary>
        public double VadStopSeconds { get; init; } = 0.2;

        /// <summary>A player turn is ended after this long even if the player keeps talking.</summary>
        public double MaxTurnSeconds { get; init; } = 15;

        /// <summary>Player speech must last this long while the NPC talks to cut it off (so a cough does not).</summary>
        public double BargeInMinSeconds { get; init; } = 0.5;

        /// <summary>If no NPC audio is ready this long after the player stopped, a filler line plays.</summary>
        public double ThinkingBudgetSeconds { get; init; } = 1.2;

        /// <summary>Audio kept from before speech was detected, so the first syllable reaches the recogniser.</summary>
        public double PreRollSeconds { get; init; } = 0.5;

        public static TurnTakingSettings Default { get; } = new TurnTakingSettings();
    }
}
