using System.Collections.Generic;
using VoiceNpc.Conversation;

namespace VoiceNpc.Authoring
{
    /// <summary>
    /// One finished turn of a file conversation: its metrics, where its reply audio sits in the NPC recording, and the
    /// fallbacks and errors reported since the turn before.
    /// </summary>
    public sealed record TurnResult(TurnMetrics Metrics, long AudioStart, long AudioEnd, IReadOnlyList<ProviderFellBack> Fallbacks)
    {
        public IReadOnlyList<ConversationError> Errors { get; init; } = new ConversationError[0];
    }
}
