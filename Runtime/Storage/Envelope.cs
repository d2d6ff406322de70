using System;
using System.Buffers.Binary;
using System.IO.Hashing;

namespace VoiceNpc.Storage
{
    /// <summary>
    /// The frame around every file VoiceNpc stores: "VNPC", a kind letter, the envelope version, the payload length and
    /// its CRC-32, then the MessagePack payload. Truncation and corruption are caught here, before any decoding.
    /// </summary>
    internal static class Envelope
    {
        public const int HeaderSize = 14;
        private const byte Version = 1;

        public static byte[] Wrap(char kind, ReadOnlySpan<byte> payload)
        {
            var file = new byte[HeaderSize + payload.Length];
            file[0] = (byte)'V'; file[1] = (byte)'N'; file[2] = (byte)'P'; file[3] = (byte)'C';
            file[4] = (byte)kind;
            file[5] = Version;
            BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(6), (uint)payload.Length);
            BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(10), Crc32.HashToUInt32(payload));
            payload.CopyTo(file.AsSpan(HeaderSize));
            return file;
        }

        /// <summary>The payload, or <see cref="StoredFileException"/> saying how the file is damaged.</summary>
        public static ReadOnlyMemory<byte> Unwrap(char kind, byte[] file, string path)
        {
            if (file.Length < HeaderSize) throw new StoredFileException(path, $"truncated: {file.Length} bytes, shorter than the {HeaderSize}-byte header");
            if (file[0] != 'V' || file[1] != 'N' || file[2] != 'P' || file[3] != 'C') throw new StoredFileException(path, "not a VoiceNpc file (no VNPC signature at byte 0)");
            if (file[4] != kind) throw new StoredFileException(path, $"a '{(char)file[4]}' file where a '{kind}' file was expected (byte 4)");
            if (file[5] > Version) throw new StoredFileException(path, $"envelope version {file[5]} is newer than this build reads ({Version})");
            uint length = BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(6));
            if (length != file.Length - HeaderSize)
                throw new StoredFileException(path, $"truncated or padded: the header announces {length} payload bytes, the file holds {file.Length - HeaderSize}");
            var payload = new ReadOnlyMemory<byte>(file, HeaderSize, file.Length - HeaderSize);
            if (Crc32.HashToUInt32(payload.Span) != BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(10)))
                throw new StoredFileException(path, "corrupt: the payload's CRC-32 does not match the header");
            return payload;
        }
    }
}
