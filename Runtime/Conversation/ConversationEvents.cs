using System;

namespace VoiceNpc.Conversation
{
    /// <summary>
    /// Something game code may react to. Raised only by <see cref="VoiceConversation.Pump"/>, on the thread that calls it.
    /// <see cref="At"/> is the conversation clock's time when it happened.
    /// </summary>
    public abstract record ConversationEvent(TimeSpan At);

    public sealed record StateChanged(TimeSpan At, TurnState From, TurnState To) : ConversationEvent(At);

    /// <summary>What the player is saying so far (interim) or said (final) in turn <paramref name="Turn"/>.</summary>
    public sealed record TranscriptReceived(TimeSpan At, int Turn, string Text, bool IsFinal) : ConversationEvent(At);

    /// <summary>The NPC started speaking a reply; <paramref name="PlaybackSample"/> is the output position where it starts.</summary>
    public sealed record NpcLineStarted(TimeSpan At, int Turn, string Text, long PlaybackSample) : ConversationEvent(At);

    /// <summary>
    /// The NPC stopped: <paramref name="HeardText"/> is what the player heard (all of it unless
    /// <paramref name="Interrupted"/>); <paramref name="PlaybackSample"/> is the output position where it ended.
    /// </summary>
    public sealed record NpcLineEnded(TimeSpan At, int Turn, string FullText, string HeardText, bool Interrupted, long PlaybackSample)
        : ConversationEvent(At);

    /// <summary>A filler line started because no reply audio was ready within the thinking budget.</summary>
    public sealed record FillerStarted(TimeSpan At, int Turn, string Text) : ConversationEvent(At);

    /// <summary>A subtitle word as it is heard.</summary>
    public sealed record SubtitleWord(TimeSpan At, int Turn, string Word, TimeSpan Duration) : ConversationEvent(At);

    /// <summary>A mouth shape to show now, for <paramref name="Duration"/>.</summary>
    public sealed record VisemeChanged(TimeSpan At, int Turn, Viseme Viseme, TimeSpan Duration) : ConversationEvent(At);

    /// <summary>A turn finished (answered, interrupted or dropped) with its stage timings.</summary>
    public sealed record TurnCompleted(TimeSpan At, TurnMetrics Metrics) : ConversationEvent(At);

    /// <summary>A stage's provider failed or was unavailable and the next one in the character's chain took over.</summary>
    public sealed record ProviderFellBack(TimeSpan At, string Stage, string From, string To, string Reason) : ConversationEvent(At);

    /// <summary>Something went wrong; the conversation keeps going where it can.</summary>
    public sealed record ConversationError(TimeSpan At, string Stage, string Message, Exception? Exception) : ConversationEvent(At);
}
