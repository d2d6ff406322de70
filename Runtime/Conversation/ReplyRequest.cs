using VoiceNpc.Brain;

namespace VoiceNpc.Conversation
{
    /// <summary>
    /// A turn for the brain worker: the player's text with the memory as it stood when they finished
    /// (<paramref name="Request"/>), or a line the NPC says as written, without a brain (<paramref name="Line"/>).
    /// </summary>
    internal sealed record ReplyRequest(TurnContext Turn, BrainRequest? Request, string? Line = null);
}
