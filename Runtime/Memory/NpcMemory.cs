using System;
using System.Collections.Generic;
using VoiceNpc.Storage;

namespace VoiceNpc.Memory
{
    /// <summary>
    /// What one character remembers of one player across sessions: recent turns, durable facts, and a rolling summary
    /// of the turns that no longer fit (see <see cref="MemoryBudget"/>). Saved by <see cref="MemoryStore"/>.
    /// </summary>
    public sealed class NpcMemory
    {
        public NpcMemory(string characterId, string playerId)
        {
            CharacterId = characterId;
            PlayerId = playerId;
        }

        public string CharacterId { get; }
        public string PlayerId { get; }
        public List<RememberedTurn> Turns { get; } = new List<RememberedTurn>();
        public List<MemoryFact> Facts { get; } = new List<MemoryFact>();

        /// <summary>The gist of older turns, oldest first.</summary>
        public string Summary { get; set; } = "";

        /// <summary>How many turns have been folded into <see cref="Summary"/> so far.</summary>
        public int SummarizedTurns { get; set; }

        public DateTimeOffset SavedAt { get; internal set; }

        /// <summary>The schema version the memory was read from (the current one for a new memory).</summary>
        public int SchemaVersion { get; internal set; } = NpcMemoryCodec.SchemaVersion;

        public UnknownFields Unknown { get; } = new UnknownFields();
    }
}
