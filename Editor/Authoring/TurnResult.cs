using System.Collections.Generic;
using VoiceNpc.Conversation;

namespace VoiceNpc.Authoring
{
    /// <summary>One finished turn of a file conversation: its metrics and where its reply audio sits in the NPC recording.</summary>
    public sealed record TurnResult(TurnMetrics Metrics, long AudioStart, long AudioEnd, IReadOnlyList<ProviderFellBack> Fallbacks);
}
