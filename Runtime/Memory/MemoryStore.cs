using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using VoiceNpc.Storage;

namespace VoiceNpc.Memory
{
    /// <summary>
    /// NPC memories on disk, one file per character and player under a folder the game chooses (its save folder):
    /// <c>FOLDER/CHARACTER/PLAYER.npcmemory</c>, names from <see cref="FileNames"/>. Saves are crash-safe
    /// (<see cref="AtomicFile"/>); loads never throw on a damaged file and clear what killed saves left behind.
    /// Export, import and delete serve a player who asks for their data.
    /// </summary>
    public sealed class MemoryStore
    {
        private const string Extension = ".npcmemory";

        /// <summary>The largest save read (a memory within its budget is a few hundred KB).</summary>
        public const int MaxFileBytes = 64 * 1024 * 1024;

        /// <summary>A temp file untouched this long was left by a killed save: a save in progress takes milliseconds.</summary>
        public static readonly TimeSpan StaleTempAge = TimeSpan.FromMinutes(1);

        public MemoryStore(string folder) => Folder = Path.GetFullPath(folder);

        public string Folder { get; }

        public string PathOf(string characterId, string playerId) =>
            Path.Combine(Folder, FileNames.Encode(characterId), FileNames.Encode(playerId) + Extension);

        /// <summary>Saves the memory (stamping <see cref="NpcMemory.SavedAt"/>); the previous save is kept as "*.bak".</summary>
        public void Save(NpcMemory memory)
        {
            memory.SavedAt = DateTimeOffset.FromUnixTimeMilliseconds(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());   // what the file keeps
            AtomicFile.Write(PathOf(memory.CharacterId, memory.PlayerId), NpcMemoryCodec.Encode(memory));
            if (LegacyPathOf(memory.CharacterId, memory.PlayerId) is string legacy) RemoveAll(legacy);   // moved to its new name
        }

        /// <summary>The character's memory of the player: from the file, from its backup if the file is damaged, or new.</summary>
        public MemoryLoadResult Load(string characterId, string playerId)
        {
            string path = PathOf(characterId, playerId);
            AtomicFile.RemoveTemps(path, StaleTempAge);
            string backup = AtomicFile.BackupOf(path);
            if (!File.Exists(path))
            {
                // A crash can only leave the backup alone if someone deleted the file by hand; use it anyway.
                if (File.Exists(backup) && TryRead(backup, characterId, playerId, out var old, out _)) return new MemoryLoadResult(old!, MemorySource.Backup);
                if (LegacyPathOf(characterId, playerId) is string legacy)
                {
                    AtomicFile.RemoveTemps(legacy, StaleTempAge);
                    if (TryRead(legacy, characterId, playerId, out var saved, out _)) return new MemoryLoadResult(saved!, MemorySource.File);
                    if (TryRead(AtomicFile.BackupOf(legacy), characterId, playerId, out var previous, out _)) return new MemoryLoadResult(previous!, MemorySource.Backup);
                }
                return new MemoryLoadResult(new NpcMemory(characterId, playerId), MemorySource.New);
            }
            if (TryRead(path, characterId, playerId, out var memory, out var problem)) return new MemoryLoadResult(memory!, MemorySource.File);

            string copy = KeepAside(path);
            if (File.Exists(backup) && TryRead(backup, characterId, playerId, out var last, out _))
                return new MemoryLoadResult(last!, MemorySource.Backup, problem, copy);
            return new MemoryLoadResult(new NpcMemory(characterId, playerId), MemorySource.New, problem, copy);
        }

        /// <summary>Writes the player's saved memory (the file as stored) to <paramref name="destination"/>; false if there is none.</summary>
        public bool Export(string characterId, string playerId, Stream destination)
        {
            var loaded = Load(characterId, playerId);
            if (loaded.Source == MemorySource.New) return false;
            var bytes = NpcMemoryCodec.Encode(loaded.Memory);
            destination.Write(bytes, 0, bytes.Length);
            return true;
        }

        /// <summary>
        /// Reads an exported memory and saves it in place of the current one; <see cref="StoredFileException"/> if
        /// the data is damaged or larger than a save may be (nothing is replaced then).
        /// </summary>
        public NpcMemory Import(Stream source, string description = "imported memory")
        {
            var bytes = BoundedRead.ReadAll(source, MaxFileBytes, "a save", problem => new StoredFileException(description, problem));
            var memory = NpcMemoryCodec.Decode(bytes, description);
            if (memory.CharacterId.Length == 0 || memory.PlayerId.Length == 0)
                throw new StoredFileException(description, "names no character or player");
            Save(memory);
            return memory;
        }

        /// <summary>
        /// Deletes everything saved of the player with this character: the file, its backup, damaged copies, temp files
        /// of killed saves (and the same under the first naming scheme). Returns the files removed (none: nothing was saved).
        /// </summary>
        public IReadOnlyList<string> Delete(string characterId, string playerId)
        {
            var removed = RemoveAll(PathOf(characterId, playerId));
            if (LegacyPathOf(characterId, playerId, orUnreadable: true) is string legacy) removed.AddRange(RemoveAll(legacy));
            return removed;
        }

        /// <summary>
        /// Where the first naming scheme kept this memory, when that differs from <see cref="PathOf"/> and the file (or
        /// its backup) there holds this player's memory: where names ignore case, "Bob" and "bob" once shared a file.
        /// </summary>
        /// <param name="orUnreadable">Also when neither file can be read (a player's delete request takes damaged saves too,
        /// unless they are provably another player's).</param>
        private string? LegacyPathOf(string characterId, string playerId, bool orUnreadable = false)
        {
            string legacy = Path.Combine(Folder, FileNames.EncodeLegacy(characterId), FileNames.EncodeLegacy(playerId) + Extension);
            if (legacy == PathOf(characterId, playerId)) return null;
            string backup = AtomicFile.BackupOf(legacy);
            bool mine = TryRead(legacy, characterId, playerId, out _, out _) || TryRead(backup, characterId, playerId, out _, out _);
            if (mine) return legacy;
            return orUnreadable && !IsAnotherPlayers(legacy) && !IsAnotherPlayers(backup) ? legacy : null;
        }

        /// <summary>The file holds a readable memory, of someone else (where names ignore case, "Bob" and "bob" shared one).</summary>
        private static bool IsAnotherPlayers(string path)
        {
            if (!File.Exists(path)) return false;
            try
            {
                NpcMemoryCodec.Decode(BoundedRead.ReadAll(path, MaxFileBytes, "a save", p => new StoredFileException(path, p)), path);
                return true;   // readable, and not this player's (checked first)
            }
            catch (StoredFileException) { return false; }
            catch (IOException) { return false; }
        }

        /// <summary>Removes the save at <paramref name="path"/> with its temp files, backup and damaged copies.</summary>
        private static List<string> RemoveAll(string path)
        {
            var removed = AtomicFile.RemoveTemps(path, olderThan: null).ToList();
            string folder = Path.GetDirectoryName(path)!;
            if (!Directory.Exists(folder)) return removed;
            var files = new[] { path, AtomicFile.BackupOf(path) }.Where(File.Exists)
                .Concat(Directory.EnumerateFiles(folder, Path.GetFileName(path) + ".damaged-*")).ToList();
            foreach (var file in files)
            {
                File.Delete(file);
                removed.Add(file);
            }
            return removed;
        }

        private static bool TryRead(string path, string characterId, string playerId, out NpcMemory? memory, out StoredFileException? problem)
        {
            memory = null;
            problem = null;
            if (!File.Exists(path)) return false;
            try
            {
                var read = NpcMemoryCodec.Decode(BoundedRead.ReadAll(path, MaxFileBytes, "a save", p => new StoredFileException(path, p)), path);
                if (read.CharacterId != characterId || read.PlayerId != playerId)
                    throw new StoredFileException(path, $"holds the memory of character \"{read.CharacterId}\" and player \"{read.PlayerId}\"");
                memory = read;
                return true;
            }
            catch (StoredFileException e) { problem = e; }
            return false;
        }

        /// <summary>Keeps a damaged file for the developers; the next save replaces the original.</summary>
        private static string KeepAside(string path)
        {
            string copy = $"{path}.damaged-{DateTime.UtcNow:yyyyMMddTHHmmssfff}";
            try { File.Copy(path, copy, overwrite: true); }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException) { return ""; }
            return copy;
        }
    }
}
