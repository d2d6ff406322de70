using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.Linq;

namespace VoiceNpc.Tests.Fuzzing.Harness
{
    /// <summary>Format-blind mutations of byte strings, the systematic ones and the random ones.</summary>
    internal static class ByteMutator
    {
        /// <summary>0, -1, int32 and uint32 extremes and lengths just past them: written where a length or count may be.</summary>
        public static readonly uint[] Interesting32 = { 0, 1, 0xFFFFFFFF, 0x7FFFFFFF, 0x80000000, 0x7FFFFFF0, 0x7FFFFFF8, 0xFFFFFFF0, 0x10000, 0xFFFF };

        public static readonly ulong[] Interesting64 =
        {
            0, ulong.MaxValue, long.MaxValue, unchecked((ulong)long.MinValue), 0x8000000000000000 - 1000, 0x0000FFFFFFFFFFFF,
            (ulong)TimeSpan.MaxValue.Ticks, (ulong)DateTimeOffset.MaxValue.ToUnixTimeMilliseconds() + 1,
        };

        /// <summary>Seeds up to this long are also tried cut at every length.</summary>
        public const int TruncateEveryLengthUpTo = 600;

        /// <summary>Each seed; every truncation of the small ones; every interesting integer at every 4- and 8-byte offset.</summary>
        public static IEnumerable<byte[]> Systematic(IReadOnlyList<byte[]> seeds)
        {
            foreach (var seed in seeds) yield return seed;
            foreach (var seed in seeds.Where(s => s.Length <= TruncateEveryLengthUpTo))
                for (int length = 0; length < seed.Length; length++) yield return seed.Take(length).ToArray();
            foreach (var seed in seeds.Where(s => s.Length <= TruncateEveryLengthUpTo))
            {
                for (int offset = 0; offset + 4 <= seed.Length; offset += 4)
                    foreach (uint value in Interesting32)
                    {
                        yield return With(seed, offset, b => BinaryPrimitives.WriteUInt32LittleEndian(b, value));
                        yield return With(seed, offset, b => BinaryPrimitives.WriteUInt32BigEndian(b, value));
                    }
                for (int offset = 0; offset + 8 <= seed.Length; offset += 8)
                    foreach (ulong value in Interesting64)
                    {
                        yield return With(seed, offset, b => BinaryPrimitives.WriteUInt64LittleEndian(b, value));
                        yield return With(seed, offset, b => BinaryPrimitives.WriteUInt64BigEndian(b, value));
                    }
            }
        }

        /// <summary>One to four random edits of a random seed (or of two seeds spliced).</summary>
        public static byte[] Mutate(Random random, IReadOnlyList<byte[]> seeds)
        {
            var bytes = new List<byte>(seeds[random.Next(seeds.Count)]);
            int edits = 1 + random.Next(4);
            for (int e = 0; e < edits; e++) Edit(random, bytes, seeds);
            return bytes.ToArray();
        }

        private static void Edit(Random random, List<byte> bytes, IReadOnlyList<byte[]> seeds)
        {
            int at = bytes.Count == 0 ? 0 : random.Next(bytes.Count);
            switch (random.Next(9))
            {
                case 0: if (bytes.Count > 0) bytes[at] ^= (byte)(1 << random.Next(8)); break;
                case 1: if (bytes.Count > 0) bytes[at] = (byte)random.Next(256); break;
                case 2: bytes.Insert(at, (byte)random.Next(256)); break;
                case 3: if (bytes.Count > 0) bytes.RemoveRange(at, Math.Min(bytes.Count - at, 1 + random.Next(16))); break;
                case 4: if (bytes.Count > 0) bytes.RemoveRange(at, bytes.Count - at); break;   // truncation
                case 5:   // a run of the input repeated
                    int length = Math.Min(bytes.Count - at, 1 + random.Next(64));
                    bytes.InsertRange(at, bytes.GetRange(at, length));
                    break;
                case 6:   // splice: this input's head, another seed's tail
                    var other = seeds[random.Next(seeds.Count)];
                    int from = other.Length == 0 ? 0 : random.Next(other.Length);
                    bytes.RemoveRange(at, bytes.Count - at);
                    bytes.AddRange(other.Skip(from));
                    break;
                case 7: Overwrite(bytes, at, BitConverter.GetBytes(Interesting32[random.Next(Interesting32.Length)])); break;
                default: Overwrite(bytes, at, BitConverter.GetBytes(Interesting64[random.Next(Interesting64.Length)])); break;
            }
        }

        private static void Overwrite(List<byte> bytes, int at, byte[] value)
        {
            for (int i = 0; i < value.Length && at + i < bytes.Count; i++) bytes[at + i] = value[i];
        }

        private static byte[] With(byte[] seed, int offset, SpanAction write)
        {
            var copy = (byte[])seed.Clone();
            write(copy.AsSpan(offset));
            return copy;
        }

        private delegate void SpanAction(Span<byte> bytes);
    }
}
