using System;
using System.Buffers;
using System.Collections.Generic;
using System.Runtime.InteropServices;
using MessagePack;
using VoiceNpc.Characters;
using VoiceNpc.Storage;
using VoiceNpc.Tts;

namespace VoiceNpc.Caching
{
    /// <summary>
    /// Cache files in the VoiceNpc envelope: an entry ('A') holds its key, the PCM (16-bit little-endian) and the word
    /// and phone alignment; the index ('I') lists entries with size and last use, for LRU eviction.
    /// </summary>
    internal static class AudioCacheCodec
    {
        public static byte[] EncodeEntry(AudioCacheKey key, SpeechChunk chunk)
        {
            var buffer = new ArrayBufferWriter<byte>();
            var w = new MessagePackWriter(buffer);
            w.WriteMapHeader(8);
            w.Write(0); w.Write(key.Provider);
            w.Write(1); w.Write(key.Voice.Voice);
            w.Write(2); if (key.Voice.Pitch is float pitch) w.Write(pitch); else w.WriteNil();
            w.Write(3); w.Write(key.Voice.Rate);
            w.Write(4); w.Write(key.Text);
            w.Write(5); w.Write(MemoryMarshal.AsBytes(chunk.Samples.AsSpan()));
            w.Write(6); WriteTimings(ref w, chunk.Words.Count, i => (chunk.Words[i].Word, chunk.Words[i].Start, chunk.Words[i].End));
            w.Write(7); WriteTimings(ref w, chunk.Phones.Count, i => (chunk.Phones[i].Phone, chunk.Phones[i].Start, chunk.Phones[i].End));
            w.Flush();
            return Envelope.Wrap('A', buffer.WrittenSpan);
        }

        public static (AudioCacheKey Key, SpeechChunk Chunk) DecodeEntry(byte[] file, string path) =>
            StoredPayload.Decode(Envelope.Unwrap('A', file, path), path, ReadEntry);

        private static (AudioCacheKey Key, SpeechChunk Chunk) ReadEntry(ref MessagePackReader r)
        {
            string provider = "", voice = "", text = "";
            float? pitch = null;
            float rate = 1;
            short[] samples = Array.Empty<short>();
            var words = new List<WordTiming>();
            var phones = new List<PhoneTiming>();
            int count = r.ReadMapHeader();
            for (int i = 0; i < count; i++)
            {
                switch (r.ReadInt32())
                {
                    case 0: provider = r.ReadString() ?? ""; break;
                    case 1: voice = r.ReadString() ?? ""; break;
                    case 2: pitch = r.TryReadNil() ? (float?)null : r.ReadSingle(); break;
                    case 3: rate = r.ReadSingle(); break;
                    case 4: text = r.ReadString() ?? ""; break;
                    case 5: samples = MemoryMarshal.Cast<byte, short>(r.ReadBytes()?.ToArray() ?? Array.Empty<byte>()).ToArray(); break;
                    case 6: foreach (var (t, s, e) in ReadTimings(ref r)) words.Add(new WordTiming(t, s, e)); break;
                    case 7: foreach (var (t, s, e) in ReadTimings(ref r)) phones.Add(new PhoneTiming(t, s, e)); break;
                    default: r.Skip(); break;
                }
            }
            return (new AudioCacheKey(provider, new VoiceSettings(voice, pitch, rate), text), new SpeechChunk(samples, words, phones));
        }

        public static byte[] EncodeIndex(IReadOnlyCollection<AudioCacheIndexEntry> entries)
        {
            var buffer = new ArrayBufferWriter<byte>();
            var w = new MessagePackWriter(buffer);
            w.WriteMapHeader(2);
            w.Write(0); w.Write(1);
            w.Write(1); w.WriteArrayHeader(entries.Count);
            foreach (var e in entries)
            {
                w.WriteArrayHeader(3);
                w.Write(e.Hash); w.Write(e.Size); w.Write(e.LastUsed);
            }
            w.Flush();
            return Envelope.Wrap('I', buffer.WrittenSpan);
        }

        public static List<AudioCacheIndexEntry> DecodeIndex(byte[] file, string path) =>
            StoredPayload.Decode(Envelope.Unwrap('I', file, path), path, ReadIndex);

        private static List<AudioCacheIndexEntry> ReadIndex(ref MessagePackReader r)
        {
            var entries = new List<AudioCacheIndexEntry>();
            int count = r.ReadMapHeader();
            for (int i = 0; i < count; i++)
            {
                if (r.ReadInt32() != 1) { r.Skip(); continue; }
                int n = r.ReadArrayHeader();
                for (int e = 0; e < n; e++)
                {
                    int fields = r.ReadArrayHeader();
                    var entry = new AudioCacheIndexEntry(r.ReadString() ?? "", r.ReadInt64(), r.ReadInt64());
                    for (int extra = 3; extra < fields; extra++) r.Skip();
                    entries.Add(entry);
                }
            }
            return entries;
        }

        private static void WriteTimings(ref MessagePackWriter w, int count, Func<int, (string Text, TimeSpan Start, TimeSpan End)> item)
        {
            w.WriteArrayHeader(count);
            for (int i = 0; i < count; i++)
            {
                var (text, start, end) = item(i);
                w.WriteArrayHeader(3);
                w.Write(text); w.Write(start.Ticks); w.Write(end.Ticks);
            }
        }

        private static List<(string, TimeSpan, TimeSpan)> ReadTimings(ref MessagePackReader r)
        {
            var items = new List<(string, TimeSpan, TimeSpan)>();
            int count = r.ReadArrayHeader();
            for (int i = 0; i < count; i++)
            {
                int fields = r.ReadArrayHeader();
                items.Add((r.ReadString() ?? "", TimeSpan.FromTicks(r.ReadInt64()), TimeSpan.FromTicks(r.ReadInt64())));
                for (int extra = 3; extra < fields; extra++) r.Skip();
            }
            return items;
        }
    }

    /// <summary>One line of the cache index.</summary>
    internal sealed record AudioCacheIndexEntry(string Hash, long Size, long LastUsed);
}
