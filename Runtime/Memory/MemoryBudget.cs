using System;
using System.Collections.Generic;
using VoiceNpc.Characters;

namespace VoiceNpc.Memory
{
    /// <summary>
    /// Keeps a memory within its character's budget: turns beyond <see cref="MemorySettings.MaxTurns"/> are folded,
    /// oldest first, into the rolling summary, whose oldest sentences go when it outgrows its limit.
    /// </summary>
    public static class MemoryBudget
    {
        public static void Apply(NpcMemory memory, MemorySettings settings)
        {
            int excess = memory.Turns.Count - settings.MaxTurns;
            if (excess <= 0) return;
            var summary = new List<string>();
            if (memory.Summary.Length > 0) summary.Add(memory.Summary);
            for (int i = 0; i < excess; i++) summary.Add(Gist(memory.Turns[i]));
            memory.Turns.RemoveRange(0, excess);
            memory.SummarizedTurns += excess;
            memory.Summary = Trim(string.Join(" ", summary), settings.MaxSummaryCharacters);
        }

        /// <summary>One sentence per turn: an LLM brain can summarize better, but this needs no call and loses no fact.</summary>
        private static string Gist(RememberedTurn turn) => turn.PlayerText.Length == 0
            ? $"The player heard \"{turn.NpcText}\"{(turn.Interrupted ? " (cut off)" : "")}."   // a line the game gave the NPC
            : $"The player said \"{turn.PlayerText}\" and heard \"{turn.NpcText}\"{(turn.Interrupted ? " (cut off)" : "")}.";

        private static string Trim(string summary, int max)
        {
            if (summary.Length <= max) return summary;
            int cut = summary.IndexOf(". ", summary.Length - max, StringComparison.Ordinal);
            return cut < 0 ? "" : summary.Substring(cut + 2);
        }
    }
}
