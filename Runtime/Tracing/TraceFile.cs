using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.IO.Hashing;
using VoiceNpc.Storage;

namespace VoiceNpc.Tracing
{
    /// <summary>
    /// A trace read back: its records in order, and where reading stopped early (a record torn by a crash, or
    /// damaged), if it did. Only a file that is not a trace at all is an error.
    /// </summary>
    public sealed class TraceFile
    {
        private TraceFile(IReadOnlyList<TraceRecord> records, string? problem)
        {
            Records = records;
            Problem = problem;
        }

        public IReadOnlyList<TraceRecord> Records { get; }

        /// <summary>Why reading stopped before the end of the file; null when every byte was read.</summary>
        public string? Problem { get; }

        /// <summary>The most of a trace that is read (a <see cref="TraceWriter"/> is capped below it).</summary>
        public const int MaxBytes = 256 * 1024 * 1024;

        /// <summary>The trace's records; <see cref="StoredFileException"/> if the file is not a trace or cannot be read.</summary>
        public static TraceFile Read(string path)
        {
            var bytes = BoundedRead.ReadAll(path, MaxBytes, "a trace", problem => new StoredFileException(path, problem));
            var header = TraceWriter.Header;
            if (bytes.Length < header.Length || !bytes.AsSpan(0, header.Length).SequenceEqual(header))
                throw new StoredFileException(path, "not a VoiceNpc trace (no VNPC T signature at byte 0)");
            var records = new List<TraceRecord>();
            int offset = header.Length;
            while (offset < bytes.Length)
            {
                if (bytes.Length - offset < 8) return new TraceFile(records, $"record {records.Count + 1} at byte {offset} is torn (crash while writing)");
                int length = (int)BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(offset));
                uint crc = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(offset + 4));
                if (length < 0 || length > bytes.Length - offset - 8) return new TraceFile(records, $"record {records.Count + 1} at byte {offset} is torn (crash while writing)");
                var payload = new ReadOnlyMemory<byte>(bytes, offset + 8, length);
                if (Crc32.HashToUInt32(payload.Span) != crc) return new TraceFile(records, $"record {records.Count + 1} at byte {offset} is damaged (CRC-32 mismatch)");
                try { records.Add(TraceCodec.Decode(payload, path)); }
                catch (StoredFileException e) { return new TraceFile(records, $"record {records.Count + 1} at byte {offset} is {e.Problem}"); }
                offset += 8 + length;
            }
            return new TraceFile(records, null);
        }
    }
}
