using System;
using System.IO;
using VoiceNpc.Caching;
using VoiceNpc.Characters;
using VoiceNpc.Conversation;
using VoiceNpc.Memory;
using VoiceNpc.Tracing;

namespace VoiceNpc.Cli
{
    /// <summary>
    /// talk's persistence options: --memory-folder and --player (whether and where the NPC remembers the player
    /// across runs), --trace (where the conversation is recorded) and --cache-folder (where spoken lines are kept).
    /// </summary>
    public sealed class PersistenceChoice
    {
        private readonly DirectoryInfo? _folder;
        private readonly string _player;
        private readonly FileInfo? _trace;
        private readonly DirectoryInfo? _cache;

        public PersistenceChoice(DirectoryInfo? folder, string player, FileInfo? trace, DirectoryInfo? cache)
        {
            _folder = folder;
            _player = player;
            _trace = trace;
            _cache = cache;
        }

        /// <summary>The providers with the audio cache of --cache-folder attached, if given.</summary>
        public ProviderCatalog WithCache(ProviderCatalog catalog) => _cache == null ? catalog : catalog.WithCache(new AudioCache(_cache.FullName));

        /// <summary>A writer for --trace, or null without it.</summary>
        public TraceWriter? OpenTrace() => _trace == null ? null : new TraceWriter(_trace.FullName);

        /// <summary>The player's memory, or null without a folder. A damaged save is reported on stderr, not fatal.</summary>
        public PlayerMemory? Open(CharacterDefinition character)
        {
            if (_folder == null) return null;
            var memory = PlayerMemory.Open(new MemoryStore(_folder.FullName), character, _player);
            if (memory.Loaded.Problem != null)
                Console.Error.WriteLine($"voicenpc talk: {memory.Loaded.Problem.Message}; using the {memory.Loaded.Source.ToString().ToLowerInvariant()} memory (the damaged file is kept as {memory.Loaded.DamagedCopy})");
            return memory;
        }
    }
}
