using System;

namespace VoiceNpc.Characters
{
    /// <summary>
    /// How long each stage may keep a turn waiting for its next result before it counts as failed and the stage's
    /// next provider takes over, so no slow or stalled service can hold a turn hostage. Per character.
    /// </summary>
    public sealed record StageDeadlines
    {
        /// <summary>Recogniser: the final transcript after the end of speech, and each piece of audio handed to it.</summary>
        public double SttSeconds { get; init; } = 3;

        /// <summary>Brain: the first words of a reply, and each next piece after them.</summary>
        public double LlmSeconds { get; init; } = 5;

        /// <summary>Voice: the first audio of a clause, and each next chunk after it.</summary>
        public double TtsSeconds { get; init; } = 4;

        public TimeSpan Stt => TimeSpan.FromSeconds(SttSeconds);
        public TimeSpan Llm => TimeSpan.FromSeconds(LlmSeconds);
        public TimeSpan Tts => TimeSpan.FromSeconds(TtsSeconds);

        public static StageDeadlines Default { get; } = new StageDeadlines();
    }
}
