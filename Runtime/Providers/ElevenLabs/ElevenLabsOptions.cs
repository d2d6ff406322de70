using System;
using VoiceNpc.Providers.Cloud;

namespace VoiceNpc.Providers.ElevenLabs
{
    public sealed record ElevenLabsOptions
    {
        /// <summary>Null: ELEVENLABS_BASE_URL, else https://api.elevenlabs.io.</summary>
        public string? BaseUrl { get; init; }

        public string Model { get; init; } = "eleven_flash_v2_5";

        /// <summary>Null: ELEVENLABS_API_KEY from the environment or the secrets file.</summary>
        public CloudKey? Key { get; init; }

        public double Stability { get; init; } = 0.5;
        public double SimilarityBoost { get; init; } = 0.75;

        /// <summary>Longest silence inside a streaming response before it counts as failed.</summary>
        public TimeSpan StallTimeout { get; init; } = TimeSpan.FromSeconds(8);

        public ResilienceSettings Resilience { get; init; } = ResilienceSettings.Default;
    }
}
