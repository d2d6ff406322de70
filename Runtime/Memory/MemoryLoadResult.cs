using VoiceNpc.Storage;

namespace VoiceNpc.Memory
{
    public enum MemorySource
    {
        /// <summary>No memory was saved yet: the NPC meets the player for the first time.</summary>
        New,
        /// <summary>Read from the save file.</summary>
        File,
        /// <summary>The save file was damaged; this is the previous whole save (the "*.bak" next to it).</summary>
        Backup,
    }

    /// <summary>
    /// What <see cref="MemoryStore.Load"/> found. A damaged file never throws: <see cref="Problem"/> says what was wrong,
    /// <see cref="DamagedCopy"/> where the damaged file was kept, and <see cref="Memory"/> is the last good state.
    /// </summary>
    public sealed class MemoryLoadResult
    {
        public MemoryLoadResult(NpcMemory memory, MemorySource source, StoredFileException? problem = null, string? damagedCopy = null)
        {
            Memory = memory;
            Source = source;
            Problem = problem;
            DamagedCopy = damagedCopy;
        }

        public NpcMemory Memory { get; }
        public MemorySource Source { get; }
        public StoredFileException? Problem { get; }
        public string? DamagedCopy { get; }
    }
}
