using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.IO;
using System.IO.Hashing;
using System.Linq;
using MessagePack;
using NUnit.Framework;
using VoiceNpc.Storage;
using VoiceNpc.Tests.Fuzzing.Harness;
using VoiceNpc.Tracing;

namespace VoiceNpc.Tests.Fuzzing
{
    /// <summary>
    /// Traces (<see cref="TraceFile.Read"/>): the records up to where reading stopped, or a <see cref="StoredFileException"/>
    /// for a file that is not a trace. Most mutations edit one record's MessagePack and frame it again with a valid CRC.
    /// </summary>
    public class TraceFileFuzzTests : ICorpus
    {
        public string Parser => "trace";
        public string Description => "Traces (TraceFile.Read): the VNPC T header, then records framed as length + CRC-32 + MessagePack.";

        private string _path = "";

        [SetUp]
        public void CreateFile() => _path = Path.Combine(Path.GetTempPath(), $"voicenpc-fuzz-{Guid.NewGuid():N}.trace");

        [TearDown]
        public void DeleteFile() => File.Delete(_path);

        [Test]
        public void EveryMutatedTraceReadsOrIsRefused()
        {
            var files = Corpus.Load(Parser);
            var records = files.SelectMany(Records).ToList();
            var systematic = files.Concat(ByteMutator.Systematic(records).Select(r => Trace(r))).Concat(ByteMutator.Systematic(files.Take(3).ToList()));
            new FuzzRun(Parser, ReadEverything, typeof(StoredFileException)).Check(systematic, random =>
                random.Next(5) == 0 ? ByteMutator.Mutate(random, files) : Trace(MessagePackBytes.Mutate(random, records), MessagePackBytes.Mutate(random, records)));
        }

        /// <summary>Reads the file and every field of every record, as <c>voicenpc trace show</c> does.</summary>
        private void ReadEverything(byte[] file)
        {
            File.WriteAllBytes(_path, file);
            foreach (var record in TraceFile.Read(_path).Records)
                foreach (var field in record.Fields.Keys)
                {
                    record.Time(field);
                    record.Text(field);
                    record.Flag(field);
                }
        }

        public IEnumerable<CorpusEntry> Entries()
        {
            var turn = Record((ref MessagePackWriter w) => RecordOf(ref w, "turn", TimeSpan.FromSeconds(3).Ticks, 1, ("player", "what do you sell"),
                ("end_of_speech", TimeSpan.FromSeconds(2).Ticks), ("first_token", TimeSpan.FromSeconds(2.4).Ticks), ("stt", "pocketsphinx")));
            var transcript = Record((ref MessagePackWriter w) => RecordOf(ref w, "transcript", TimeSpan.FromSeconds(2).Ticks, 1, ("final", true), ("text", "what do you sell")));
            var line = Record((ref MessagePackWriter w) =>
                RecordOf(ref w, "line-ended", TimeSpan.FromSeconds(4).Ticks, 1, ("heard", "Swords."), ("interrupted", false), ("level", 0.5), ("none", null)));
            yield return new CorpusEntry("valid.trace", Trace(transcript, turn, line), "a valid trace: a final transcript, a turn with stage times, a line");
            yield return new CorpusEntry("header-only.trace", Trace(), "the header and no records");
            yield return new CorpusEntry("turn-beyond-int32.trace", Trace(Record((ref MessagePackWriter w) => RecordOf(ref w, "turn", 0, 1L << 40))),
                "a record whose turn number is 2^40 (an int32 field): issue 11");
            yield return new CorpusEntry("at-uint64.trace", Trace(Record((ref MessagePackWriter w) => { w.WriteMapHeader(2); w.Write(0); w.Write("turn"); w.Write(1); w.Write(ulong.MaxValue); })),
                "a record time of 2^64-1 ticks (beyond int64)");
            yield return new CorpusEntry("field-uint64.trace", Trace(Record((ref MessagePackWriter w) => RecordOf(ref w, "turn", 0, 1, ("first_token", ulong.MaxValue)))),
                "an integer field of 2^64-1 (read as int64)");
            yield return new CorpusEntry("timespan-overflow.trace", Trace(Record((ref MessagePackWriter w) => RecordOf(ref w, "turn", long.MaxValue, 1,
                ("end_of_speech", long.MinValue), ("first_token", long.MaxValue), ("first_audio", TimeSpan.MaxValue.Ticks)))),
                "stage times at the int64 extremes: their difference overflows TimeSpan in the waterfall: issue 11");
            yield return new CorpusEntry("key-beyond-int32.trace", Trace(Record((ref MessagePackWriter w) => { w.WriteMapHeader(1); w.Write(1L << 33); w.Write("x"); })),
                "a record map key of 2^33");
            yield return new CorpusEntry("field-name-not-string.trace", Trace(Record((ref MessagePackWriter w) => { w.WriteMapHeader(1); w.Write(3); w.WriteMapHeader(1); w.Write(7); w.Write(1); })),
                "a field whose name is an integer");
            yield return new CorpusEntry("nested-field-value.trace", Trace(Record((ref MessagePackWriter w) =>
            {
                w.WriteMapHeader(1); w.Write(3); w.WriteMapHeader(1); w.Write("deep");
                for (int i = 0; i < 300; i++) w.WriteArrayHeader(1);
                w.WriteNil();
            })), "a field whose value nests 300 arrays (skipped)");
            var torn = Trace(transcript, turn);
            yield return new CorpusEntry("torn-last-record.trace", torn.Take(torn.Length - 5).ToArray(), "a trace whose last record was cut by a crash");
            var forged = Trace(transcript);
            BinaryPrimitives.WriteUInt32LittleEndian(forged.AsSpan(TraceWriter.Header.Length), 0xFFFFFFF0);
            yield return new CorpusEntry("length-forged.trace", forged, "a record length of 0xFFFFFFF0");
            var damaged = Trace(transcript, line);
            damaged[^2] ^= 0x40;
            yield return new CorpusEntry("crc-mismatch.trace", damaged, "the last record's payload changed after its CRC was written");
            yield return CorpusEntry.Text("not-a-trace.trace", "VNPCM\u0001 not a trace", "a file with another kind's signature");
        }

        /// <summary>A {0: kind, 1: at, 2: turn, 3: fields} record; values are written as MessagePack of their own type.</summary>
        private static void RecordOf(ref MessagePackWriter w, string kind, long at, long turn, params (string Name, object? Value)[] fields)
        {
            w.WriteMapHeader(4);
            w.Write(0); w.Write(kind);
            w.Write(1); w.Write(at);
            w.Write(2); w.Write(turn);
            w.Write(3); w.WriteMapHeader(fields.Length);
            foreach (var (name, value) in fields)
            {
                w.Write(name);
                switch (value)
                {
                    case null: w.WriteNil(); break;
                    case string s: w.Write(s); break;
                    case bool b: w.Write(b); break;
                    case long l: w.Write(l); break;
                    case ulong u: w.Write(u); break;
                    case double d: w.Write(d); break;
                    default: throw new ArgumentException("no MessagePack form for " + value.GetType());
                }
            }
        }

        private static byte[] Record(MessagePackBytes.Write write) => MessagePackBytes.Of(write);

        /// <summary>The header and each payload framed as the writer frames it.</summary>
        private static byte[] Trace(params byte[][] payloads)
        {
            var file = new List<byte>(TraceWriter.Header);
            foreach (var payload in payloads)
            {
                var frame = new byte[8];
                BinaryPrimitives.WriteUInt32LittleEndian(frame, (uint)payload.Length);
                BinaryPrimitives.WriteUInt32LittleEndian(frame.AsSpan(4), Crc32.HashToUInt32(payload));
                file.AddRange(frame);
                file.AddRange(payload);
            }
            return file.ToArray();
        }

        /// <summary>The payloads of a trace's whole records (for structure-aware mutation).</summary>
        private static IEnumerable<byte[]> Records(byte[] file)
        {
            int offset = TraceWriter.Header.Length;
            while (offset + 8 <= file.Length)
            {
                uint length = BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(offset));
                if (length > file.Length - offset - 8) yield break;
                yield return file.AsSpan(offset + 8, (int)length).ToArray();
                offset += 8 + (int)length;
            }
        }
    }
}
