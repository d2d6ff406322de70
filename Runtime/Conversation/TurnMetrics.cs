using System;

namespace VoiceNpc.Conversation
{
    /// <summary>
    /// One turn's timeline on the conversation clock. Every stage is measured from the end of the player's speech
    /// (the end of the last frame the VAD heard as speech); null where the turn never got there.
    /// </summary>
    public sealed record TurnMetrics(
        int Turn,
        string PlayerText,
        string NpcText,
        bool Interrupted,
        bool FillerPlayed,
        string SttProvider,
        string LlmProvider,
        string TtsProvider,
        TimeSpan EndOfSpeech,
        TimeSpan? FinalTranscript,
        TimeSpan? FirstToken,
        TimeSpan? FirstClause,
        TimeSpan? FirstAudio,
        TimeSpan? FirstSampleOut)
    {
        /// <summary>Spoken, typed (no recognition: <see cref="EndOfSpeech"/> is when the text was taken) or a line the game gave the NPC.</summary>
        public TurnOrigin Origin { get; init; } = TurnOrigin.Speech;

        public TimeSpan? SinceEndOfSpeech(TimeSpan? at) => at is TimeSpan t ? t - EndOfSpeech : (TimeSpan?)null;

        /// <summary>End of the player's speech to the first sample of the reply at the speakers.</summary>
        public TimeSpan? VoiceToVoice => SinceEndOfSpeech(FirstSampleOut);
    }
}
