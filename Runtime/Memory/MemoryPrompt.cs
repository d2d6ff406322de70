using System;
using System.Collections.Generic;
using System.Text;
using VoiceNpc.Brain;
using VoiceNpc.Conversation;

namespace VoiceNpc.Memory
{
    /// <summary>
    /// The memory part of a character's prompt, within a token budget: facts first (they matter most and are short),
    /// then the summary of older sessions, then as many of the most recent turns as still fit, oldest of them first.
    /// What does not fit is left out whole, never cut mid-line.
    /// </summary>
    public static class MemoryPrompt
    {
        /// <summary>A rough token count for English text (about four characters a token), rounded up.</summary>
        public static int EstimateTokens(string text) => (text.Length + 3) / 4;

        public static string Render(ConversationMemory memory, int tokenBudget)
        {
            var lines = new List<string>();
            int used = 0;
            bool Fits(string line)
            {
                int cost = EstimateTokens(line) + 1;
                if (used + cost > tokenBudget) return false;
                used += cost;
                return true;
            }

            var facts = new List<string>();
            foreach (var fact in memory.Facts)
            {
                string line = $"- {fact.Kind}: {fact.Text}";
                if (Fits(line)) facts.Add(line);
            }
            if (facts.Count > 0 && Fits("What you know about the player:")) { lines.Add("What you know about the player:"); lines.AddRange(facts); }
            if (memory.Summary.Length > 0)
            {
                string summary = "Earlier: " + memory.Summary;
                if (Fits(summary)) lines.Add(summary);
            }
            var recent = new List<string>();
            var turns = memory.Turns;
            for (int i = turns.Count - 1; i >= 0; i--)
            {
                string turn = Line(turns[i]);
                if (!Fits(turn)) break;
                recent.Insert(0, turn);
            }
            if (recent.Count > 0 && Fits("Recently:")) { lines.Add("Recently:"); lines.AddRange(recent); }
            return string.Join("\n", lines);
        }

        /// <summary>A turn with no player text is a line the game gave the NPC (<c>VoiceConversation.Say</c>): only the NPC's part.</summary>
        private static string Line(DialogueTurn turn)
        {
            string npc = $"You: {turn.NpcText}{(turn.Interrupted ? " (the player cut you off here)" : "")}";
            return turn.PlayerText.Length == 0 ? npc : $"Player: {turn.PlayerText}\n{npc}";
        }
    }
}
