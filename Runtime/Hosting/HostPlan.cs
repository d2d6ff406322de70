using System;
using VoiceNpc.Audio;
using VoiceNpc.Characters;
using VoiceNpc.Conversation;
using VoiceNpc.Timing;

namespace VoiceNpc.Hosting
{
    /// <summary>The host's settings, checked and copied when the host is made, so changing the settings object later changes nothing.</summary>
    internal sealed class HostPlan
    {
        public HostPlan(ConversationHostSettings settings)
        {
            if (settings == null) throw new ArgumentNullException(nameof(settings));
            Character = settings.Character ?? throw Missing(nameof(settings.Character), "the character to talk to");
            Catalog = settings.Catalog ?? throw Missing(nameof(settings.Catalog), "the providers (e.g. EmbeddedProviders.CreateCatalog())");
            OpenDevice = settings.OpenDevice ?? throw Missing(nameof(settings.OpenDevice), "how to open the microphone and speakers");
            if (string.IsNullOrWhiteSpace(settings.PlayerId)) throw Missing(nameof(settings.PlayerId), "whose memory the NPC keeps");
            PlayerId = settings.PlayerId;
            MemoryFolder = settings.MemoryFolder;
            CacheFolder = settings.CacheFolder;
            Clock = settings.Clock ?? new SystemClock();
        }

        public CharacterDefinition Character { get; }
        public ProviderCatalog Catalog { get; }
        public Func<IAudioDevice> OpenDevice { get; }
        public string PlayerId { get; }
        public string? MemoryFolder { get; }
        public string? CacheFolder { get; }
        public IClock Clock { get; }

        private static ArgumentException Missing(string field, string what) =>
            new ArgumentException($"ConversationHostSettings.{field} is not set: it names {what}", "settings");
    }
}
