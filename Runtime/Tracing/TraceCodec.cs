using System;
using System.Buffers;
using System.Collections.Generic;
using MessagePack;
using VoiceNpc.Storage;

namespace VoiceNpc.Tracing
{
    /// <summary>A trace record as MessagePack: {0: kind, 1: at (ticks), 2: turn, 3: {field: value}}; unknown keys are skipped.</summary>
    internal static class TraceCodec
    {
        public static byte[] Encode(TraceRecord record)
        {
            var buffer = new ArrayBufferWriter<byte>();
            var w = new MessagePackWriter(buffer);
            w.WriteMapHeader(4);
            w.Write(0); w.Write(record.Kind);
            w.Write(1); w.Write(record.At.Ticks);
            w.Write(2); w.Write(record.Turn);
            w.Write(3); w.WriteMapHeader(record.Fields.Count);
            foreach (var pair in record.Fields)
            {
                w.Write(pair.Key);
                switch (pair.Value)
                {
                    case null: w.WriteNil(); break;
                    case string s: w.Write(s); break;
                    case bool b: w.Write(b); break;
                    case long l: w.Write(l); break;
                    case int i: w.Write(i); break;
                    case double d: w.Write(d); break;
                    default: w.Write(pair.Value.ToString()); break;
                }
            }
            w.Flush();
            return buffer.WrittenSpan.ToArray();
        }

        /// <summary>One record's payload; <see cref="StoredFileException"/> (naming <paramref name="path"/>) if it is not one.</summary>
        public static TraceRecord Decode(ReadOnlyMemory<byte> payload, string path) => StoredPayload.Decode(payload, path, ReadRecord);

        private static TraceRecord ReadRecord(ref MessagePackReader r)
        {
            string kind = "";
            long at = 0;
            int turn = 0;
            var fields = new Dictionary<string, object?>();
            int count = r.ReadMapHeader();
            for (int i = 0; i < count; i++)
            {
                switch (r.ReadInt32())
                {
                    case 0: kind = r.ReadString() ?? ""; break;
                    case 1: at = r.ReadInt64(); break;
                    case 2: turn = r.ReadInt32(); break;
                    case 3:
                        int n = r.ReadMapHeader();
                        for (int f = 0; f < n; f++) fields[r.ReadString() ?? ""] = ReadValue(ref r);
                        break;
                    default: r.Skip(); break;
                }
            }
            return new TraceRecord(kind, TimeSpan.FromTicks(at), turn, fields);
        }

        private static object? ReadValue(ref MessagePackReader r)
        {
            switch (r.NextMessagePackType)
            {
                case MessagePackType.Nil: r.ReadNil(); return null;
                case MessagePackType.String: return r.ReadString();
                case MessagePackType.Boolean: return r.ReadBoolean();
                case MessagePackType.Integer: return r.ReadInt64();
                case MessagePackType.Float: return r.ReadDouble();
                default: r.Skip(); return null;
            }
        }
    }
}
