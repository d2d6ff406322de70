using System;
using System.Buffers;
using System.Buffers.Binary;
using System.IO;
using System.IO.Hashing;
using MessagePack;

namespace VoiceNpc.Tests.Tracing
{
    /// <summary>Trace records written by hand, as a crafted file would hold them: any payload, framed with a valid length and CRC.</summary>
    public static class TraceFrames
    {
        public static void Append(Stream file, byte[] payload)
        {
            var frame = new byte[8];
            BinaryPrimitives.WriteUInt32LittleEndian(frame, (uint)payload.Length);
            BinaryPrimitives.WriteUInt32LittleEndian(frame.AsSpan(4), Crc32.HashToUInt32(payload));
            file.Write(frame);
            file.Write(payload);
        }

        public static void Append(string path, byte[] payload)
        {
            using var file = new FileStream(path, FileMode.Append);
            Append(file, payload);
        }

        /// <summary>A "turn" record whose turn number (an int) is 2^40.</summary>
        public static byte[] TurnBeyondInt32()
        {
            var buffer = new ArrayBufferWriter<byte>();
            var w = new MessagePackWriter(buffer);
            w.WriteMapHeader(2);
            w.Write(0); w.Write("turn");
            w.Write(2); w.Write(1L << 40);
            w.Flush();
            return buffer.WrittenSpan.ToArray();
        }
    }
}
