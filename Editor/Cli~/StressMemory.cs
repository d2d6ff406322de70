using System;
using VoiceNpc.Memory;

namespace VoiceNpc.Cli
{
    /// <summary>A memory whose every part follows from its turn count, so a reload can be checked for being whole.</summary>
    public static class StressMemory
    {
        public static void Grow(NpcMemory memory)
        {
            int n = memory.Turns.Count;
            memory.Turns.Add(new RememberedTurn($"player line {n}", $"npc line {n} " + new string('x', n % 50), n % 3 == 0, DateTimeOffset.FromUnixTimeMilliseconds(n)));
            if ((n + 1) % 5 == 0) memory.Facts.Add(new MemoryFact("count", $"fact {(n + 1) / 5}", DateTimeOffset.FromUnixTimeMilliseconds(n), "stress"));
            memory.Summary = $"summary {n + 1}";
        }

        /// <summary>Null when the memory is exactly what <see cref="Grow"/> makes after its turn count; else what differs.</summary>
        public static string? Problem(NpcMemory memory)
        {
            int count = memory.Turns.Count;
            for (int i = 0; i < count; i++)
            {
                var t = memory.Turns[i];
                if (t.PlayerText != $"player line {i}" || t.NpcText != $"npc line {i} " + new string('x', i % 50) || t.Interrupted != (i % 3 == 0))
                    return $"turn {i} is not whole";
            }
            if (memory.Facts.Count != count / 5) return $"{memory.Facts.Count} facts for {count} turns";
            for (int f = 0; f < memory.Facts.Count; f++)
                if (memory.Facts[f].Text != $"fact {f + 1}") return $"fact {f} is not whole";
            return memory.Summary == (count == 0 ? "" : $"summary {count}") ? null : $"summary \"{memory.Summary}\" for {count} turns";
        }
    }
}
