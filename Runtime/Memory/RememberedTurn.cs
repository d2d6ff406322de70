using System;
using VoiceNpc.Storage;

namespace VoiceNpc.Memory
{
    /// <summary>One exchange kept in an NPC's memory of a player: the NPC's part is only what the player heard.</summary>
    public sealed class RememberedTurn
    {
        public RememberedTurn(string playerText, string npcText, bool interrupted, DateTimeOffset at)
        {
            PlayerText = playerText;
            NpcText = npcText;
            Interrupted = interrupted;
            At = at;
        }

        public string PlayerText { get; }
        public string NpcText { get; }
        public bool Interrupted { get; }
        public DateTimeOffset At { get; }
        public UnknownFields Unknown { get; } = new UnknownFields();
    }
}
