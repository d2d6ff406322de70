using System;
using System.Buffers;
using System.Linq;
using MessagePack;
using NUnit.Framework;
using VoiceNpc.Memory;
using VoiceNpc.Storage;

namespace VoiceNpc.Tests.Memory
{
    public class NpcMemoryCodecTests
    {
        [Test]
        public void EverythingSurvivesARoundTrip()
        {
            var memory = MemoryFiles.Sample();
            var read = NpcMemoryCodec.Decode(NpcMemoryCodec.Encode(memory), "memory");

            Assert.That(read.CharacterId, Is.EqualTo(memory.CharacterId));
            Assert.That(read.PlayerId, Is.EqualTo(memory.PlayerId));
            Assert.That(read.Summary, Is.EqualTo(memory.Summary));
            Assert.That(read.SummarizedTurns, Is.EqualTo(4));
            Assert.That(read.SchemaVersion, Is.EqualTo(NpcMemoryCodec.SchemaVersion));
            Assert.That(read.Turns.Select(t => (t.PlayerText, t.NpcText, t.Interrupted, t.At)),
                Is.EqualTo(memory.Turns.Select(t => (t.PlayerText, t.NpcText, t.Interrupted, t.At))));
            Assert.That(read.Facts.Select(f => (f.Kind, f.Text, f.At, f.Source)), Is.EqualTo(memory.Facts.Select(f => (f.Kind, f.Text, f.At, f.Source))));
        }

        [Test]
        public void AFileFromTheFirstSchemaLoadsWithDefaults()
        {
            // Schema 0: no version key, no facts or summary, turns without a time.
            var file = Payload(w =>
            {
                w.WriteMapHeader(3);
                w.Write(1); w.Write("brenna-blacksmith");
                w.Write(2); w.Write("p1");
                w.Write(4); w.WriteArrayHeader(1);
                w.WriteMapHeader(2); w.Write(0); w.Write("hello"); w.Write(1); w.Write("Well met.");
            });
            var read = NpcMemoryCodec.Decode(file, "old.npcmemory");

            Assert.That(read.SchemaVersion, Is.Zero);
            Assert.That(read.Turns.Single().PlayerText, Is.EqualTo("hello"));
            Assert.That(read.Turns.Single().NpcText, Is.EqualTo("Well met."));
            Assert.That(read.Facts, Is.Empty);
            Assert.That(read.Summary, Is.Empty);
        }

        [Test]
        public void FieldsFromANewerVersionSurviveARoundTrip()
        {
            var file = Payload(w =>
            {
                w.WriteMapHeader(5);
                w.Write(0); w.Write(7);
                w.Write(1); w.Write("brenna-blacksmith");
                w.Write(2); w.Write("p1");
                w.Write(42); w.WriteMapHeader(1); w.Write("mood"); w.Write(0.75);   // a memory-level field this build does not know
                w.Write(4); w.WriteArrayHeader(1);
                w.WriteMapHeader(3); w.Write(0); w.Write("hi"); w.Write(1); w.Write("Hello."); w.Write(9); w.WriteArrayHeader(2); w.Write(1); w.Write(2);
            });
            var read = NpcMemoryCodec.Decode(file, "newer.npcmemory");
            Assert.That(read.Unknown.Count, Is.EqualTo(1));
            Assert.That(read.Turns.Single().Unknown.Count, Is.EqualTo(1));

            var again = NpcMemoryCodec.Decode(NpcMemoryCodec.Encode(read), "resaved");
            var reencoded = NpcMemoryCodec.Encode(again);
            Assert.That(Contains(reencoded, Bytes(w => { w.Write(42); w.WriteMapHeader(1); w.Write("mood"); w.Write(0.75); })), "the memory-level field");
            Assert.That(Contains(reencoded, Bytes(w => { w.Write(9); w.WriteArrayHeader(2); w.Write(1); w.Write(2); })), "the turn-level field");
            Assert.That(again.Turns.Single().PlayerText, Is.EqualTo("hi"));
        }

        [Test]
        public void DamageAtEveryByteIsReportedNeverMisread()
        {
            var file = NpcMemoryCodec.Encode(MemoryFiles.Sample(turns: 2));
            for (int offset = 0; offset < file.Length; offset++)
            {
                var damaged = (byte[])file.Clone();
                damaged[offset] ^= 0x5A;
                var error = Assert.Throws<StoredFileException>(() => NpcMemoryCodec.Decode(damaged, "save.npcmemory"), $"byte {offset} flipped");
                Assert.That(error!.File, Is.EqualTo("save.npcmemory"));
            }
        }

        [Test]
        public void TruncationAtEveryLengthIsReported()
        {
            var file = NpcMemoryCodec.Encode(MemoryFiles.Sample(turns: 2));
            for (int length = 0; length < file.Length; length++)
            {
                var error = Assert.Throws<StoredFileException>(() => NpcMemoryCodec.Decode(file.Take(length).ToArray(), "save.npcmemory"), $"cut at {length}");
                Assert.That(error!.Message, Does.Contain("save.npcmemory").And.Contain("truncated").Or.Contain("save.npcmemory").And.Contain("signature"));
            }
        }

        [Test]
        public void TimesBeyondWhatACalendarHoldsAreReportedNeverThrownRaw(
            [Values("saved", "turn", "fact")] string where,
            [Values(long.MaxValue, long.MinValue, 253_402_300_800_000L, -62_135_596_800_001L)] long millis)
        {
            var file = MemoryFiles.WithTime(where, millis);
            Assert.That(NpcMemoryCodec.Decode(MemoryFiles.WithTime(where, 0), "fine.npcmemory").Turns, Has.Count.EqualTo(1), "the same save with a good time reads");

            var error = Assert.Throws<StoredFileException>(() => NpcMemoryCodec.Decode(file, "save.npcmemory"));
            Assert.That(error!.Message, Does.StartWith("save.npcmemory: unreadable at payload byte"));
        }

        [Test]
        public void AWellFramedPayloadThatIsNotAMemoryNamesTheByte()
        {
            var file = Payload(w => { w.WriteMapHeader(1); w.Write(4); w.Write("not an array"); });
            var error = Assert.Throws<StoredFileException>(() => NpcMemoryCodec.Decode(file, "odd.npcmemory"));
            Assert.That(error!.Message, Does.StartWith("odd.npcmemory: unreadable at payload byte"));
        }

        private static byte[] Payload(Action<MessagePackWriterBox> write) => Envelope.Wrap('M', Bytes(write));

        private static byte[] Bytes(Action<MessagePackWriterBox> write)
        {
            var buffer = new ArrayBufferWriter<byte>();
            var box = new MessagePackWriterBox(buffer);
            write(box);
            box.Flush();
            return buffer.WrittenSpan.ToArray();
        }

        private static bool Contains(byte[] haystack, byte[] needle)
        {
            for (int i = 0; i + needle.Length <= haystack.Length; i++)
                if (haystack.AsSpan(i, needle.Length).SequenceEqual(needle)) return true;
            return false;
        }

        /// <summary>MessagePackWriter is a ref struct, which lambdas cannot capture: each call writes through a fresh one.</summary>
        private sealed class MessagePackWriterBox
        {
            private readonly ArrayBufferWriter<byte> _buffer;

            public MessagePackWriterBox(ArrayBufferWriter<byte> buffer) => _buffer = buffer;

            public void WriteMapHeader(int count) { var w = new MessagePackWriter(_buffer); w.WriteMapHeader(count); w.Flush(); }
            public void WriteArrayHeader(int count) { var w = new MessagePackWriter(_buffer); w.WriteArrayHeader(count); w.Flush(); }
            public void Write(int value) { var w = new MessagePackWriter(_buffer); w.Write(value); w.Flush(); }
            public void Write(string value) { var w = new MessagePackWriter(_buffer); w.Write(value); w.Flush(); }
            public void Write(long value) { var w = new MessagePackWriter(_buffer); w.Write(value); w.Flush(); }
            public void Write(double value) { var w = new MessagePackWriter(_buffer); w.Write(value); w.Flush(); }
            public void Flush() { }
        }
    }
}
