using System.Collections.Generic;
using System.Buffers;
using MessagePack;

namespace VoiceNpc.Storage
{
    /// <summary>
    /// Fields a newer version wrote that this version does not know, kept as raw MessagePack under their integer key
    /// so a round trip through an older game build never loses them.
    /// </summary>
    public sealed class UnknownFields
    {
        private readonly SortedDictionary<int, byte[]> _fields = new SortedDictionary<int, byte[]>();

        public int Count => _fields.Count;

        internal void CopyFrom(UnknownFields other)
        {
            foreach (var pair in other._fields) _fields[pair.Key] = pair.Value;
        }

        internal void Read(int key, ref MessagePackReader reader) => _fields[key] = reader.ReadRaw().ToArray();

        internal void Write(ref MessagePackWriter writer)
        {
            foreach (var pair in _fields)
            {
                writer.Write(pair.Key);
                writer.WriteRaw(pair.Value);
            }
        }
    }
}
