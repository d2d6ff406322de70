using System;
using System.Buffers;
using System.Collections.Generic;
using MessagePack;

namespace VoiceNpc.Tests.Fuzzing.Harness
{
    /// <summary>Hand-written MessagePack for crafted seeds, and MessagePack-aware edits for the mutators.</summary>
    internal static class MessagePackBytes
    {
        public delegate void Write(ref MessagePackWriter writer);

        public static byte[] Of(Write write)
        {
            var buffer = new ArrayBufferWriter<byte>();
            var writer = new MessagePackWriter(buffer);
            write(ref writer);
            writer.Flush();
            return buffer.WrittenSpan.ToArray();
        }

        /// <summary>Headers that claim far more than follows, the never-used byte, NaN and extreme numbers: put at random places.</summary>
        public static readonly byte[][] Tokens =
        {
            new byte[] { 0xc1 },                                   // never used
            new byte[] { 0xdd, 0xff, 0xff, 0xff, 0xff },           // array32 of 2^32-1 items
            new byte[] { 0xdf, 0x7f, 0xff, 0xff, 0xff },           // map32 of 2^31-1 pairs
            new byte[] { 0xdb, 0x7f, 0xff, 0xff, 0xff },           // str32 of 2^31-1 bytes
            new byte[] { 0xc6, 0xff, 0xff, 0xff, 0xf0 },           // bin32 near 2^32
            new byte[] { 0xcf, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff },   // uint64 max
            new byte[] { 0xd3, 0x80, 0, 0, 0, 0, 0, 0, 0 },         // int64 min
            new byte[] { 0xd3, 0x7f, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff },   // int64 max
            new byte[] { 0xcb, 0x7f, 0xf8, 0, 0, 0, 0, 0, 0 },      // float64 NaN
            new byte[] { 0xca, 0x7f, 0x80, 0, 0 },                  // float32 +infinity
            new byte[] { 0xd7, 0xff, 0, 0, 0, 0, 0, 0, 0, 0 },      // timestamp64 extension
            new byte[] { 0xc0 }, new byte[] { 0xc2 }, new byte[] { 0x90 }, new byte[] { 0x80 }, new byte[] { 0xa0 },
        };

        /// <summary>A random byte edit, or one of <see cref="Tokens"/> inserted or written over the payload.</summary>
        public static byte[] Mutate(Random random, IReadOnlyList<byte[]> payloads)
        {
            if (random.Next(3) > 0) return ByteMutator.Mutate(random, payloads);
            var payload = new List<byte>(payloads[random.Next(payloads.Count)]);
            var token = Tokens[random.Next(Tokens.Length)];
            int at = payload.Count == 0 ? 0 : random.Next(payload.Count);
            if (random.Next(2) == 0) payload.InsertRange(at, token);
            else for (int i = 0; i < token.Length; i++) if (at + i < payload.Count) payload[at + i] = token[i]; else payload.Add(token[i]);
            return payload.ToArray();
        }
    }
}
