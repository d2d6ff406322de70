using System;
using VoiceNpc.Conversation;

namespace VoiceNpc.Studio
{
    /// <summary>What the studio serves: the folder of character files it edits, where baking writes, and the providers previews use.</summary>
    public sealed record StudioOptions(string CharacterFolder, string CacheFolder, Func<ProviderCatalog> Catalog)
    {
        /// <summary>0: any free port.</summary>
        public int Port { get; init; }
    }
}
