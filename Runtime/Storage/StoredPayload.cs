using System;
using MessagePack;

namespace VoiceNpc.Storage
{
    /// <summary>Reads one value from a MessagePack payload; the reader is passed on so the guard knows where it failed.</summary>
    internal delegate T PayloadReader<T>(ref MessagePackReader reader);

    /// <summary>
    /// The one guard around every decoder of stored data (memory, audio cache, trace records): whatever a crafted or
    /// damaged payload makes the decoder throw — malformed MessagePack, an integer beyond its type, a time out of
    /// range, data after the end — becomes a <see cref="StoredFileException"/> naming the file and the payload byte.
    /// </summary>
    internal static class StoredPayload
    {
        public static T Decode<T>(ReadOnlyMemory<byte> payload, string path, PayloadReader<T> read)
        {
            var reader = new MessagePackReader(payload);
            try
            {
                var value = read(ref reader);
                if (!reader.End) throw new MessagePackSerializationException($"{payload.Length - reader.Consumed} bytes follow the end of the data");
                return value;
            }
            catch (Exception e) when (!(e is StoredFileException) && !(e is OutOfMemoryException))
            {
                // Decoding is pure computation over the bytes: any exception it raises says the bytes are wrong.
                throw new StoredFileException(path, $"unreadable at payload byte {reader.Consumed}: {e.Message}", e);
            }
        }
    }
}
