using System;
using VoiceNpc.Providers.Cloud;

namespace VoiceNpc.Providers.ElevenLabs
{
    public sealed record ElevenLabsOptions
    {
        /// <summary>Null: where the key is bound (ELEVENLABS_BASE_URL, else https://api.elevenlabs.io).</summary>
        public string? BaseUrl { get; init; }

        public string Model { get; init; } = "eleven_flash_v2_5";

        /// <summary>Null: ELEVENLABS_API_KEY from the environment or the secrets file, which goes only to the base URL it is bound to
        /// (ELEVENLABS_BASE_URL beside it, else the vendor's): a <see cref=\"BaseUrl\"/> elsewhere is refused.
        /// Given: used with <see cref=\"BaseUrl\"/> as is.</summary>
        public CloudKey? Key { get; init; }

        public double Stability { get; init; } = 0.5;
        public double SimilarityBoost { get; init; } = 0.75;

        /// <summary>Longest silence inside a streaming response before it counts as failed.</summary>
        public TimeSpan StallTimeout { get; init; } = TimeSpan.FromSeconds(8);

        public ResilienceSettings Resilience { get; init; } = ResilienceSettings.Default;
    }
}
