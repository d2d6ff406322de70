using System;
using VoiceNpc.Providers.Cloud;

namespace VoiceNpc.Providers.Deepgram
{
    public sealed record DeepgramOptions
    {
        /// <summary>Null: where the key is bound (DEEPGRAM_BASE_URL, else wss://api.deepgram.com; https for the pre-recorded endpoint).</summary>
        public string? BaseUrl { get; init; }

        public string Model { get; init; } = "nova-3";
        public string Language { get; init; } = "en";

        /// <summary>Null: DEEPGRAM_API_KEY from the environment or the secrets file, which goes only to the base URL it is bound to
        /// (DEEPGRAM_BASE_URL beside it, else the vendor's): a <see cref=\"BaseUrl\"/> elsewhere is refused.
        /// Given: used with <see cref=\"BaseUrl\"/> as is.</summary>
        public CloudKey? Key { get; init; }

        /// <summary>Silence (ms) after which Deepgram marks the end of speech (speech_final).</summary>
        public int EndpointingMs { get; init; } = 300;

        /// <summary>Gap (ms) after the last word that sends UtteranceEnd (needs interim results).</summary>
        public int UtteranceEndMs { get; init; } = 1000;

        public bool SmartFormat { get; init; } = true;

        /// <summary>KeepAlive is sent when no audio has flowed for this long (Deepgram closes idle sockets after ~10 s).</summary>
        public TimeSpan KeepAliveInterval { get; init; } = TimeSpan.FromSeconds(4);

        /// <summary>Longest wait for the final transcript after the turn ended.</summary>
        public TimeSpan FinalizeTimeout { get; init; } = TimeSpan.FromSeconds(3);

        /// <summary>Reconnections within one utterance before giving up (each resends the utterance's audio).</summary>
        public int MaxReconnects { get; init; } = 3;

        /// <summary>First reconnect delay; doubles, jittered, up to a second.</summary>
        public TimeSpan ReconnectDelay { get; init; } = TimeSpan.FromMilliseconds(100);

        public ResilienceSettings Resilience { get; init; } = ResilienceSettings.Default;
    }
}
