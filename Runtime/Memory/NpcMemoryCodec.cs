using System;
using System.Buffers;
using MessagePack;
using VoiceNpc.Storage;

namespace VoiceNpc.Memory
{
    /// <summary>
    /// Reads and writes <see cref="NpcMemory"/> as MessagePack maps with integer keys inside the VoiceNpc envelope.
    /// Keys are never reused: a missing key takes its default (older files), an unknown key is kept as raw bytes
    /// (newer files), so saves move between game versions in both directions.
    /// </summary>
    public static class NpcMemoryCodec
    {
        /// <summary>1: turns, facts, summary. (0, the first release, had turns only.)</summary>
        public const int SchemaVersion = 1;
        private const char Kind = 'M';

        private const int KeyVersion = 0, KeyCharacter = 1, KeyPlayer = 2, KeySummary = 3, KeyTurns = 4, KeyFacts = 5, KeySavedAt = 6, KeySummarized = 7;
        private const int TurnPlayer = 0, TurnNpc = 1, TurnInterrupted = 2, TurnAt = 3;
        private const int FactKind = 0, FactText = 1, FactAt = 2, FactSource = 3;

        public static byte[] Encode(NpcMemory memory)
        {
            var buffer = new ArrayBufferWriter<byte>();
            var writer = new MessagePackWriter(buffer);
            writer.WriteMapHeader(8 + memory.Unknown.Count);
            writer.Write(KeyVersion); writer.Write(SchemaVersion);
            writer.Write(KeyCharacter); writer.Write(memory.CharacterId);
            writer.Write(KeyPlayer); writer.Write(memory.PlayerId);
            writer.Write(KeySummary); writer.Write(memory.Summary);
            writer.Write(KeySummarized); writer.Write(memory.SummarizedTurns);
            writer.Write(KeySavedAt); writer.Write(memory.SavedAt.ToUnixTimeMilliseconds());
            writer.Write(KeyTurns);
            writer.WriteArrayHeader(memory.Turns.Count);
            foreach (var turn in memory.Turns) WriteTurn(ref writer, turn);
            writer.Write(KeyFacts);
            writer.WriteArrayHeader(memory.Facts.Count);
            foreach (var fact in memory.Facts) WriteFact(ref writer, fact);
            memory.Unknown.Write(ref writer);
            writer.Flush();
            return Envelope.Wrap(Kind, buffer.WrittenSpan);
        }

        /// <summary>Decodes a whole file; <see cref="StoredFileException"/> names the file and the damaged byte.</summary>
        public static NpcMemory Decode(byte[] file, string path) => StoredPayload.Decode(Envelope.Unwrap(Kind, file, path), path, ReadMemory);

        private static NpcMemory ReadMemory(ref MessagePackReader reader)
        {
            int version = 0;
            string character = "", player = "", summary = "";
            int summarized = 0;
            long savedAt = 0;
            RememberedTurn[] turns = Array.Empty<RememberedTurn>();
            MemoryFact[] facts = Array.Empty<MemoryFact>();
            var unknown = new UnknownFields();
            int count = reader.ReadMapHeader();
            for (int i = 0; i < count; i++)
            {
                int key = reader.ReadInt32();
                switch (key)
                {
                    case KeyVersion: version = reader.ReadInt32(); break;
                    case KeyCharacter: character = reader.ReadString() ?? ""; break;
                    case KeyPlayer: player = reader.ReadString() ?? ""; break;
                    case KeySummary: summary = reader.ReadString() ?? ""; break;
                    case KeySummarized: summarized = reader.ReadInt32(); break;
                    case KeySavedAt: savedAt = reader.ReadInt64(); break;
                    case KeyTurns:
                        turns = new RememberedTurn[reader.ReadArrayHeader()];
                        for (int t = 0; t < turns.Length; t++) turns[t] = ReadTurn(ref reader);
                        break;
                    case KeyFacts:
                        facts = new MemoryFact[reader.ReadArrayHeader()];
                        for (int f = 0; f < facts.Length; f++) facts[f] = ReadFact(ref reader);
                        break;
                    default: unknown.Read(key, ref reader); break;
                }
            }
            var memory = new NpcMemory(character, player)
            {
                Summary = summary,
                SummarizedTurns = summarized,
                SavedAt = DateTimeOffset.FromUnixTimeMilliseconds(savedAt),
                SchemaVersion = version,
            };
            memory.Turns.AddRange(turns);
            memory.Facts.AddRange(facts);
            memory.Unknown.CopyFrom(unknown);
            return memory;
        }

        private static void WriteTurn(ref MessagePackWriter writer, RememberedTurn turn)
        {
            writer.WriteMapHeader(4 + turn.Unknown.Count);
            writer.Write(TurnPlayer); writer.Write(turn.PlayerText);
            writer.Write(TurnNpc); writer.Write(turn.NpcText);
            writer.Write(TurnInterrupted); writer.Write(turn.Interrupted);
            writer.Write(TurnAt); writer.Write(turn.At.ToUnixTimeMilliseconds());
            turn.Unknown.Write(ref writer);
        }

        private static RememberedTurn ReadTurn(ref MessagePackReader reader)
        {
            string player = "", npc = "";
            bool interrupted = false;
            long at = 0;
            var unknown = new UnknownFields();
            int count = reader.ReadMapHeader();
            for (int i = 0; i < count; i++)
            {
                int key = reader.ReadInt32();
                switch (key)
                {
                    case TurnPlayer: player = reader.ReadString() ?? ""; break;
                    case TurnNpc: npc = reader.ReadString() ?? ""; break;
                    case TurnInterrupted: interrupted = reader.ReadBoolean(); break;
                    case TurnAt: at = reader.ReadInt64(); break;
                    default: unknown.Read(key, ref reader); break;
                }
            }
            var turn = new RememberedTurn(player, npc, interrupted, DateTimeOffset.FromUnixTimeMilliseconds(at));
            turn.Unknown.CopyFrom(unknown);
            return turn;
        }

        private static void WriteFact(ref MessagePackWriter writer, MemoryFact fact)
        {
            writer.WriteMapHeader(4 + fact.Unknown.Count);
            writer.Write(FactKind); writer.Write(fact.Kind);
            writer.Write(FactText); writer.Write(fact.Text);
            writer.Write(FactAt); writer.Write(fact.At.ToUnixTimeMilliseconds());
            writer.Write(FactSource); writer.Write(fact.Source);
            fact.Unknown.Write(ref writer);
        }

        private static MemoryFact ReadFact(ref MessagePackReader reader)
        {
            string kind = "", text = "", source = "";
            long at = 0;
            var unknown = new UnknownFields();
            int count = reader.ReadMapHeader();
            for (int i = 0; i < count; i++)
            {
                int key = reader.ReadInt32();
                switch (key)
                {
                    case FactKind: kind = reader.ReadString() ?? ""; break;
                    case FactText: text = reader.ReadString() ?? ""; break;
                    case FactAt: at = reader.ReadInt64(); break;
                    case FactSource: source = reader.ReadString() ?? ""; break;
                    default: unknown.Read(key, ref reader); break;
                }
            }
            var fact = new MemoryFact(kind, text, DateTimeOffset.FromUnixTimeMilliseconds(at), source);
            fact.Unknown.CopyFrom(unknown);
            return fact;
        }
    }
}
