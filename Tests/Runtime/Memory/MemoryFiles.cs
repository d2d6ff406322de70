using System;
using System.Buffers;
using System.IO;
using MessagePack;
using VoiceNpc.Memory;
using VoiceNpc.Storage;

namespace VoiceNpc.Tests.Memory
{
    /// <summary>A temp folder per test and a memory with every kind of content.</summary>
    public sealed class MemoryFiles : IDisposable
    {
        public string Folder { get; } = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "voicenpc-memory-" + Guid.NewGuid().ToString("N"))).FullName;

        public static NpcMemory Sample(int turns = 3)
        {
            var memory = new NpcMemory("brenna-blacksmith", "Ærin 🗡 #1") { Summary = "The player asked about swords.", SummarizedTurns = 4 };
            for (int i = 0; i < turns; i++)
                memory.Turns.Add(new RememberedTurn($"player line {i}", $"npc line {i}, “quoted”", i % 2 == 1, DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_000 + i)));
            memory.Facts.Add(new MemoryFact("name", "The player is called Ærin.", DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_500), "scripted"));
            return memory;
        }

        /// <summary>
        /// A whole save (valid frame and CRC) of brenna-blacksmith's memory of p1 with one time (<paramref name="where"/>:
        /// "saved", "turn" or "fact") set to <paramref name="millis"/>, e.g. beyond what DateTimeOffset holds.
        /// </summary>
        public static byte[] WithTime(string where, long millis)
        {
            var buffer = new ArrayBufferWriter<byte>();
            var w = new MessagePackWriter(buffer);
            w.WriteMapHeader(5);
            w.Write(1); w.Write("brenna-blacksmith");
            w.Write(2); w.Write("p1");
            w.Write(6); w.Write(where == "saved" ? millis : 0L);
            w.Write(4); w.WriteArrayHeader(1);
            w.WriteMapHeader(2); w.Write(0); w.Write("hello"); w.Write(3); w.Write(where == "turn" ? millis : 0L);
            w.Write(5); w.WriteArrayHeader(1);
            w.WriteMapHeader(2); w.Write(1); w.Write("The player is called Ærin."); w.Write(2); w.Write(where == "fact" ? millis : 0L);
            w.Flush();
            return Envelope.Wrap('M', buffer.WrittenSpan);
        }

        public void Dispose() => Directory.Delete(Folder, recursive: true);
    }
}
