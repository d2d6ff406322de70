using System;
using VoiceNpc.Providers.Cloud;

namespace VoiceNpc.Providers.OpenAI
{
    /// <summary>OpenAI's audio endpoints: transcription (a buffered recogniser) and speech (a voice).</summary>
    public sealed record OpenAIAudioOptions
    {
        /// <summary>Base URL including /v1; null: where the key is bound (OPENAI_BASE_URL, else https://api.openai.com/v1).</summary>
        public string? BaseUrl { get; init; }

        public string TranscriptionModel { get; init; } = "gpt-4o-mini-transcribe";
        public string SpeechModel { get; init; } = "gpt-4o-mini-tts";

        /// <summary>ISO-639-1 language of the player's speech.</summary>
        public string Language { get; init; } = "en";

        /// <summary>Null: OPENAI_API_KEY from the environment or the secrets file, which goes only to the base URL it is bound to
        /// (OPENAI_BASE_URL beside it, else the vendor's): a <see cref=\"BaseUrl\"/> elsewhere is refused.
        /// Given: used with <see cref=\"BaseUrl\"/> as is.</summary>
        public CloudKey? Key { get; init; }

        public TimeSpan StallTimeout { get; init; } = TimeSpan.FromSeconds(8);
        public ResilienceSettings Resilience { get; init; } = ResilienceSettings.Default;
    }
}
