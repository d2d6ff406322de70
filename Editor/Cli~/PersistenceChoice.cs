using System;
using System.IO;
using VoiceNpc.Caching;
using VoiceNpc.Characters;
using VoiceNpc.Conversation;
using VoiceNpc.Memory;
using VoiceNpc.Providers;
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

        /// <summary>Why an option names a place that cannot be written (<see cref="WritablePath"/>), or null.</summary>
        public string? Problem() =>
            (_folder == null ? null : WritablePath.FolderProblem("--memory-folder", _folder.FullName))
            ?? (_trace == null ? null : WritablePath.FileProblem("--trace", _trace.FullName))
            ?? (_cache == null ? null : WritablePath.FolderProblem("--cache-folder", _cache.FullName));

        /// <summary>Opens what the options ask for: the player's memory, the trace, the embedded providers with the cache.</summary>
        public Session Start(CharacterDefinition character)
        {
            var catalog = CloudProviders.CreateCatalog();
            if (_cache != null) catalog.WithCache(new AudioCache(_cache.FullName));
            return new Session(catalog, OpenMemory(character), _trace == null ? null : new TraceWriter(_trace.FullName));
        }

        /// <summary>The player's memory, or null without a folder. A damaged save is reported on stderr, not fatal.</summary>
        private PlayerMemory? OpenMemory(CharacterDefinition character)
        {
            if (_folder == null) return null;
            var memory = PlayerMemory.Open(new MemoryStore(_folder.FullName), character, _player);
            if (memory.Loaded.Problem != null)
                Console.Error.WriteLine(TerminalText.Clean($"voicenpc talk: {memory.Loaded.Problem.Message}; using the {memory.Loaded.Source.ToString().ToLowerInvariant()} memory (the damaged file is kept as {memory.Loaded.DamagedCopy})"));
            return memory;
        }

        /// <summary>One talk run's persistence: it sees every event, saves the memory after each turn, records the trace.</summary>
        public sealed class Session : IDisposable
        {
            private readonly TraceWriter? _trace;

            public Session(ProviderCatalog catalog, PlayerMemory? memory, TraceWriter? trace)
            {
                Catalog = catalog;
                Memory = memory;
                _trace = trace;
            }

            public ProviderCatalog Catalog { get; }
            public PlayerMemory? Memory { get; }

            public void See(ConversationEvent e)
            {
                _trace?.Record(e);
                if (Memory == null || !(e is TurnCompleted)) return;
                // Saved after every turn, as a game would at its save points; a failed save is said, never fatal.
                try { Memory.Save(); }
                catch (Exception failure) when (failure is IOException || failure is UnauthorizedAccessException)
                {
                    Console.Error.WriteLine(TerminalText.Clean("voicenpc talk: the memory was not saved: " + failure.Message));
                }
            }

            public void Dispose() => _trace?.Dispose();
        }
    }
}
