using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using VoiceNpc.Storage;
using VoiceNpc.Tts;

namespace VoiceNpc.Caching
{
    /// <summary>
    /// Synthesized lines kept on disk so a line spoken again (a filler, a fallback line, a repeated answer) costs no
    /// provider call. Content-addressed by <see cref="AudioCacheKey"/>; capped in size, least recently used first out;
    /// entries are immutable files replaced atomically, so readers in any thread or process see whole entries or none.
    /// The MessagePack index (sizes, last use) is rebuilt from the entries if it is missing or damaged.
    /// </summary>
    public sealed class AudioCache
    {
        private readonly object _gate = new object();
        private readonly Dictionary<string, AudioCacheIndexEntry> _index = new Dictionary<string, AudioCacheIndexEntry>();
        private readonly string _entries, _indexPath;
        private long _size, _clock;

        public AudioCache(string folder, long capacityBytes = 256L * 1024 * 1024)
        {
            Folder = Path.GetFullPath(folder);
            CapacityBytes = capacityBytes;
            _entries = Path.Combine(Folder, "entries");
            _indexPath = Path.Combine(Folder, "index.vnpc");
            Directory.CreateDirectory(_entries);
            LoadIndex();
        }

        public string Folder { get; }
        public long CapacityBytes { get; }

        public int Count { get { lock (_gate) return _index.Count; } }
        public long SizeBytes { get { lock (_gate) return _size; } }

        /// <summary>The cached speech for the key, or false (never throws: a damaged entry is dropped and is a miss).</summary>
        public bool TryGet(AudioCacheKey key, out SpeechChunk chunk)
        {
            chunk = null!;
            string hash = key.Hash, path = EntryPath(hash);
            byte[] file;
            try { file = File.ReadAllBytes(path); }
            catch (FileNotFoundException) { return false; }
            catch (DirectoryNotFoundException) { return false; }
            catch (IOException) { return false; }
            try
            {
                var (stored, speech) = AudioCacheCodec.DecodeEntry(file, path);
                if (stored != key) return false;   // not this line: a hash collision is as good as a miss
                chunk = speech;
            }
            catch (StoredFileException)
            {
                Remove(hash);
                return false;
            }
            lock (_gate)
            {
                // Another process may have added it: count it in.
                if (!_index.ContainsKey(hash)) _size += file.Length;
                _index[hash] = new AudioCacheIndexEntry(hash, file.Length, Now());
            }
            return true;
        }

        /// <summary>Stores the speech for the key, evicting the least recently used entries beyond the capacity.</summary>
        public void Put(AudioCacheKey key, SpeechChunk chunk)
        {
            string hash = key.Hash;
            var file = AudioCacheCodec.EncodeEntry(key, chunk);
            if (file.Length > CapacityBytes) return;
            AtomicFile.Write(EntryPath(hash), file, keepBackup: false);
            var evicted = new List<string>();
            lock (_gate)
            {
                if (_index.TryGetValue(hash, out var old)) _size -= old.Size;
                _index[hash] = new AudioCacheIndexEntry(hash, file.Length, Now());
                _size += file.Length;
                foreach (var victim in _index.Values.Where(e => e.Hash != hash).OrderBy(e => e.LastUsed).ToList())
                {
                    if (_size <= CapacityBytes) break;
                    _index.Remove(victim.Hash);
                    _size -= victim.Size;
                    evicted.Add(victim.Hash);
                }
            }
            foreach (var victim in evicted) DeleteEntryFiles(victim);
            Flush();
        }

        /// <summary>Bytes an entry takes on disk: for choosing a capacity.</summary>
        public long Measure(AudioCacheKey key, SpeechChunk chunk) => AudioCacheCodec.EncodeEntry(key, chunk).Length;

        /// <summary>Writes the index (last use of every entry); Put does it too.</summary>
        public void Flush()
        {
            byte[] index;
            lock (_gate) index = AudioCacheCodec.EncodeIndex(_index.Values.ToList());
            AtomicFile.Write(_indexPath, index, keepBackup: false);
        }

        private void Remove(string hash)
        {
            lock (_gate)
            {
                if (_index.TryGetValue(hash, out var entry)) _size -= entry.Size;
                _index.Remove(hash);
            }
            DeleteEntryFiles(hash);
        }

        private void DeleteEntryFiles(string hash)
        {
            try { File.Delete(EntryPath(hash)); }
            catch (IOException) { }
        }

        /// <summary>The index as saved, reconciled with the entry files actually present.</summary>
        private void LoadIndex()
        {
            var saved = new Dictionary<string, AudioCacheIndexEntry>();
            try
            {
                if (File.Exists(_indexPath))
                    foreach (var e in AudioCacheCodec.DecodeIndex(File.ReadAllBytes(_indexPath), _indexPath)) saved[e.Hash] = e;
            }
            catch (StoredFileException) { }
            foreach (var path in Directory.GetFiles(_entries, "*.vnpca"))
            {
                string hash = Path.GetFileNameWithoutExtension(path);
                var file = new FileInfo(path);
                long size;
                DateTime written;
                try
                {
                    size = file.Length;
                    written = file.LastWriteTimeUtc;
                }
                catch (FileNotFoundException) { continue; }   // evicted by another process since the listing
                long lastUsed = saved.TryGetValue(hash, out var known) ? known.LastUsed : new DateTimeOffset(written).ToUnixTimeMilliseconds();
                _index[hash] = new AudioCacheIndexEntry(hash, size, lastUsed);
                _size += size;
            }
        }

        private string EntryPath(string hash) => Path.Combine(_entries, hash + ".vnpca");

        /// <summary>Milliseconds since the epoch, strictly increasing within this cache so LRU order is exact.</summary>
        private long Now()
        {
            long now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
            _clock = Math.Max(now, _clock + 1);
            return _clock;
        }
    }
}
