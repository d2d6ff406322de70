namespace VoiceNpc.Brain
{
    /// <summary>One exchange as the NPC remembers it: the NPC's part is only what the player actually heard.</summary>
    public sealed record DialogueTurn(string PlayerText, string NpcText, bool Interrupted);
}
