using System;
using System.IO;
using VoiceNpc.Characters;
using VoiceNpc.Memory;

namespace VoiceNpc.Cli
{
    /// <summary>talk's --memory-folder and --player: whether and where the NPC remembers the player across runs.</summary>
    public sealed class MemoryChoice
    {
        private readonly DirectoryInfo? _folder;
        private readonly string _player;

        public MemoryChoice(DirectoryInfo? folder, string player)
        {
            _folder = folder;
            _player = player;
        }

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
