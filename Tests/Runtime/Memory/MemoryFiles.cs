using System;
using System.IO;
using VoiceNpc.Memory;

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

        public void Dispose() => Directory.Delete(Folder, recursive: true);
    }
}
