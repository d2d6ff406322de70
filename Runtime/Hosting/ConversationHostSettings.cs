using System;
using VoiceNpc.Audio;
using VoiceNpc.Characters;
using VoiceNpc.Conversation;
using VoiceNpc.Timing;

namespace VoiceNpc.Hosting
{
    /// <summary>What a <see cref="ConversationHost"/> needs to run one NPC's conversation; read once, when the host is made.</summary>
    public sealed class ConversationHostSettings
    {
        /// <summary>The character to talk to (required).</summary>
        public CharacterDefinition? Character { get; set; }

        /// <summary>Makes the character's providers (required); e.g. <c>EmbeddedProviders.CreateCatalog()</c>.</summary>
        public ProviderCatalog? Catalog { get; set; }

        /// <summary>
        /// Opens the microphone and speakers (required). Called on the start worker, not the game thread, so that a slow
        /// device probe never stalls a frame: it must not touch the engine's API (in Unity, start the Microphone and set up
        /// the AudioSource before <see cref="ConversationHost.Start"/> and let this wrap them). Returns a real-time device
        /// (<see cref="IRealTimeAudioDevice"/>, e.g. a <see cref="SplitAudioDevice"/>) or any <see cref="IAudioDevice"/>;
        /// the host disposes it when it stops, or when starting fails after it was opened (an exception thrown here is
        /// the failure: "could not open the audio device: ...").
        /// </summary>
        public Func<IAudioDevice>? OpenDevice { get; set; }

        /// <summary>Whose memory the NPC keeps (a save slot or an account id); required, not empty.</summary>
        public string PlayerId { get; set; } = "";

        /// <summary>Where the NPC's memory of the player is loaded from and saved to (<c>MemoryStore</c>); no memory is kept when null.</summary>
        public string? MemoryFolder { get; set; }

        /// <summary>Where spoken lines are cached (<c>AudioCache</c>); when null, the catalog's own cache (if any) is used.</summary>
        public string? CacheFolder { get; set; }

        /// <summary>The conversation's clock; the system clock when null (a <see cref="VirtualClock"/> in tests).</summary>
        public IClock? Clock { get; set; }
    }
}
