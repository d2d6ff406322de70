using System;
using System.IO;
using System.Text;
using VoiceNpc.Storage;

namespace VoiceNpc.Memory
{
    /// <summary>
    /// NPC memories on disk, one file per character and player under a folder the game chooses (its save folder):
    /// <c>FOLDER/CHARACTER/PLAYER.npcmemory</c>. Saves are crash-safe (<see cref="AtomicFile"/>); loads never throw on
    /// a damaged file. Export, import and delete serve a player who asks for their data.
    /// </summary>
    public sealed class MemoryStore
    {
        private const string Extension = ".npcmemory";

        public MemoryStore(string folder) => Folder = Path.GetFullPath(folder);

        public string Folder { get; }

        public string PathOf(string characterId, string playerId) =>
            Path.Combine(Folder, FileNames.Encode(characterId), FileNames.Encode(playerId) + Extension);

        /// <summary>Saves the memory (stamping <see cref="NpcMemory.SavedAt"/>); the previous save is kept as "*.bak".</summary>
        public void Save(NpcMemory memory)
        {
            memory.SavedAt = DateTimeOffset.FromUnixTimeMilliseconds(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());   // what the file keeps
            AtomicFile.Write(PathOf(memory.CharacterId, memory.PlayerId), NpcMemoryCodec.Encode(memory));
        }

        /// <summary>The character's memory of the player: from the file, from its backup if the file is damaged, or new.</summary>
        public MemoryLoadResult Load(string characterId, string playerId)
        {
            string path = PathOf(characterId, playerId);
            string backup = AtomicFile.BackupOf(path);
            if (!File.Exists(path))
            {
                // A crash can only leave the backup alone if someone deleted the file by hand; use it anyway.
                return File.Exists(backup) && TryRead(backup, characterId, playerId, out var old, out _)
                    ? new MemoryLoadResult(old!, MemorySource.Backup)
                    : new MemoryLoadResult(new NpcMemory(characterId, playerId), MemorySource.New);
            }
            if (TryRead(path, characterId, playerId, out var memory, out var problem)) return new MemoryLoadResult(memory!, MemorySource.File);

            string copy = KeepAside(path);
            if (File.Exists(backup) && TryRead(backup, characterId, playerId, out var previous, out _))
                return new MemoryLoadResult(previous!, MemorySource.Backup, problem, copy);
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
        /// the data is damaged (nothing is replaced then).
        /// </summary>
        public NpcMemory Import(Stream source, string description = "imported memory")
        {
            using var buffer = new MemoryStream();
            source.CopyTo(buffer);
            var memory = NpcMemoryCodec.Decode(buffer.ToArray(), description);
            if (memory.CharacterId.Length == 0 || memory.PlayerId.Length == 0)
                throw new StoredFileException(description, "names no character or player");
            Save(memory);
            return memory;
        }

        /// <summary>Deletes everything saved of the player with this character (file, backup, damaged copies); true if anything was.</summary>
        public bool Delete(string characterId, string playerId)
        {
            string path = PathOf(characterId, playerId);
            string folder = Path.GetDirectoryName(path)!;
            if (!Directory.Exists(folder)) return false;
            bool any = false;
            foreach (var file in Directory.GetFiles(folder, Path.GetFileName(path) + "*"))
            {
                File.Delete(file);
                any = true;
            }
            return any;
        }

        private static bool TryRead(string path, string characterId, string playerId, out NpcMemory? memory, out StoredFileException? problem)
        {
            memory = null;
            problem = null;
            try
            {
                var read = NpcMemoryCodec.Decode(File.ReadAllBytes(path), path);
                if (read.CharacterId != characterId || read.PlayerId != playerId)
                    throw new StoredFileException(path, $"holds the memory of character \"{read.CharacterId}\" and player \"{read.PlayerId}\"");
                memory = read;
                return true;
            }
            catch (StoredFileException e) { problem = e; }
            catch (IOException e) { problem = new StoredFileException(path, "could not be read: " + e.Message, e); }
            catch (UnauthorizedAccessException e) { problem = new StoredFileException(path, "could not be read: " + e.Message, e); }
            return false;
        }

        /// <summary>Keeps a damaged file for the developers; the next save replaces the original.</summary>
        private static string KeepAside(string path)
        {
            string copy = $"{path}.damaged-{DateTime.UtcNow:yyyyMMddTHHmmssfff}";
            try { File.Copy(path, copy, overwrite: true); }
            catch (IOException) { return ""; }
            return copy;
        }
    }
}
