using VoiceNpc.Brain;

namespace VoiceNpc.Conversation
{
    /// <summary>A final transcript on its way to the brain, with the memory as it stood when the player finished.</summary>
    internal sealed record ReplyRequest(TurnContext Turn, BrainRequest Request);
}
