using System;
using System.Collections.Generic;
using System.Linq;

namespace VoiceNpc.Providers.Cloud
{
    /// <summary>
    /// A cloud service as a character's "cloud" section names it: the environment variables that hold its key and the
    /// base URL that key belongs to, and the vendor's endpoint (where the key goes when nothing else is said).
    /// </summary>
    public sealed record CloudService(string Name, string KeyVariable, string BaseUrlVariable, string VendorDefault)
    {
        public static CloudService OpenAI { get; } = new CloudService("openai", "OPENAI_API_KEY", "OPENAI_BASE_URL", "https://api.openai.com/v1");
        public static CloudService Deepgram { get; } = new CloudService("deepgram", "DEEPGRAM_API_KEY", "DEEPGRAM_BASE_URL", "wss://api.deepgram.com");
        public static CloudService ElevenLabs { get; } = new CloudService("elevenlabs", "ELEVENLABS_API_KEY", "ELEVENLABS_BASE_URL", "https://api.elevenlabs.io");

        public static IReadOnlyList<CloudService> All { get; } = new[] { OpenAI, Deepgram, ElevenLabs };

        /// <summary>The service of a "cloud" section name ("openai", "deepgram", "elevenlabs"), case-insensitive.</summary>
        public static CloudService? Named(string name) => All.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase));
    }
}
