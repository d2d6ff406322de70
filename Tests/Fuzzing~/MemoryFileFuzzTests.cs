using System;
using System.Collections.Generic;
using System.Linq;
using MessagePack;
using NUnit.Framework;
using VoiceNpc.Memory;
using VoiceNpc.Storage;
using VoiceNpc.Tests.Fuzzing.Harness;

namespace VoiceNpc.Tests.Fuzzing
{
    /// <summary>Memory saves (<see cref="NpcMemoryCodec"/> inside the storage envelope): decoded, or refused with a <see cref="StoredFileException"/>.</summary>
    public class MemoryFileFuzzTests : ICorpus
    {
        public string Parser => "memory";
        public string Description => "Memory saves (NpcMemoryCodec.Decode: the VNPC envelope, kind 'M', around a MessagePack map).";

        [Test]
        public void EveryMutatedSaveDecodesOrIsNamedDamaged()
        {
            var inputs = new EnvelopeInputs('M', Corpus.Load(Parser));
            new FuzzRun(Parser, DecodeAndRoundTrip, typeof(StoredFileException)).Check(inputs.Systematic(), inputs.Mutate);
        }

        /// <summary>What decodes must encode to a file that decodes to the same bytes again.</summary>
        private static void DecodeAndRoundTrip(byte[] file)
        {
            var once = NpcMemoryCodec.Encode(NpcMemoryCodec.Decode(file, "fuzzed.npcmemory"));
            var twice = NpcMemoryCodec.Encode(NpcMemoryCodec.Decode(once, "re-encoded.npcmemory"));
            if (!once.SequenceEqual(twice)) throw new AssertionException("a decoded save does not survive a round trip");
        }

        public IEnumerable<CorpusEntry> Entries()
        {
            yield return Save("valid.npcmemory", Sample(), "a valid save: two turns (one interrupted), a fact, a summary, non-ASCII ids");
            yield return Save("empty.npcmemory", new NpcMemory("c", "p"), "a valid save with no turns or facts");
            yield return File("schema0.npcmemory", (ref MessagePackWriter w) =>
            {
                w.WriteMapHeader(3);
                w.Write(1); w.Write("brenna"); w.Write(2); w.Write("p1");
                w.Write(4); w.WriteArrayHeader(1); w.WriteMapHeader(2); w.Write(0); w.Write("hello"); w.Write(1); w.Write("Well met.");
            }, "the first schema: no version, facts or times (missing keys take defaults)");
            yield return File("unknown-fields.npcmemory", (ref MessagePackWriter w) =>
            {
                w.WriteMapHeader(4);
                w.Write(0); w.Write(9); w.Write(1); w.Write("brenna"); w.Write(2); w.Write("p1");
                w.Write(42); w.WriteMapHeader(1); w.Write("mood"); w.Write(0.75);
            }, "a newer save's unknown key 42 (kept as raw bytes and written back)");
            foreach (var (name, at) in OutOfRangeTimes)
            {
                yield return File($"savedat-{name}.npcmemory", (ref MessagePackWriter w) => { Ids(ref w, 1); w.Write(6); w.Write(at); },
                    $"valid CRC, savedAt = {at} ms (outside what DateTimeOffset.FromUnixTimeMilliseconds takes): issue 11");
                yield return File($"turn-at-{name}.npcmemory", (ref MessagePackWriter w) =>
                {
                    Ids(ref w, 1);
                    w.Write(4); w.WriteArrayHeader(1); w.WriteMapHeader(3); w.Write(0); w.Write("hi"); w.Write(1); w.Write("hello"); w.Write(3); w.Write(at);
                }, $"valid CRC, a turn's at = {at} ms: issue 11");
                yield return File($"fact-at-{name}.npcmemory", (ref MessagePackWriter w) =>
                {
                    Ids(ref w, 1);
                    w.Write(5); w.WriteArrayHeader(1); w.WriteMapHeader(2); w.Write(1); w.Write("likes swords"); w.Write(2); w.Write(at);
                }, $"valid CRC, a fact's at = {at} ms: issue 11");
            }
            yield return File("turn-count-forged.npcmemory", (ref MessagePackWriter w) => { Ids(ref w, 1); w.Write(4); w.WriteArrayHeader(int.MaxValue); },
                "an array header claiming 2^31-1 turns with none following (must not allocate them)");
            yield return File("string-length-forged.npcmemory", (ref MessagePackWriter w) => { Ids(ref w, 1); w.Write(3); w.WriteRaw(new byte[] { 0xdb, 0x7f, 0xff, 0xff, 0xff, 0x41 }); },
                "a summary whose str32 header claims 2^31-1 bytes");
            yield return File("key-beyond-int32.npcmemory", (ref MessagePackWriter w) => { w.WriteMapHeader(1); w.Write(1L << 40); w.Write("x"); },
                "a map key of 2^40 (keys are int32)");
            yield return File("summarized-uint64.npcmemory", (ref MessagePackWriter w) => { Ids(ref w, 1); w.Write(7); w.Write(ulong.MaxValue); },
                "summarized turns = 2^64-1 (an int32 field)");
            yield return File("trailing-data.npcmemory", (ref MessagePackWriter w) => { Ids(ref w, 0); w.Write("more"); },
                "a whole memory followed by more data");
            yield return File("nested-unknown.npcmemory", (ref MessagePackWriter w) =>
            {
                Ids(ref w, 1);
                w.Write(99);
                for (int i = 0; i < 500; i++) w.WriteArrayHeader(1);
                w.WriteNil();
            }, "an unknown key whose value nests 500 arrays deep (kept raw)");
            var valid = NpcMemoryCodec.Encode(Sample());
            var flipped = (byte[])valid.Clone();
            flipped[^1] ^= 1;
            yield return new CorpusEntry("crc-mismatch.npcmemory", flipped, "a valid save with its last byte flipped (CRC-32 mismatch)");
            yield return new CorpusEntry("truncated.npcmemory", valid.Take(valid.Length / 2).ToArray(), "a valid save cut in half (the header's length disagrees)");
        }

        private static readonly (string Name, long At)[] OutOfRangeTimes =
        {
            ("int64-max", long.MaxValue), ("int64-min", long.MinValue), ("just-past-9999", DateTimeOffset.MaxValue.ToUnixTimeMilliseconds() + 1),
            ("just-before-0001", DateTimeOffset.MinValue.ToUnixTimeMilliseconds() - 1),
        };

        private static NpcMemory Sample()
        {
            var memory = new NpcMemory("brenna-blacksmith", "Ærin 🗡 #1") { Summary = "The player asked about swords.", SummarizedTurns = 4 };
            memory.Turns.Add(new RememberedTurn("what do you sell", "Swords, “mostly”.", false, DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_000)));
            memory.Turns.Add(new RememberedTurn("and shields", "Aye, and", true, DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_900)));
            memory.Facts.Add(new MemoryFact("name", "The player is called Ærin.", DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_500), "scripted"));
            return memory;
        }

        /// <summary>The map header (ids plus <paramref name="more"/> entries), then the version, character and player.</summary>
        private static void Ids(ref MessagePackWriter w, int more)
        {
            w.WriteMapHeader(3 + more);
            w.Write(0); w.Write(1); w.Write(1); w.Write("brenna"); w.Write(2); w.Write("p1");
        }

        private static CorpusEntry Save(string name, NpcMemory memory, string meaning) => new CorpusEntry(name, NpcMemoryCodec.Encode(memory), meaning);

        private static CorpusEntry File(string name, MessagePackBytes.Write payload, string meaning) =>
            new CorpusEntry(name, Envelope.Wrap('M', MessagePackBytes.Of(payload)), meaning);
    }
}
