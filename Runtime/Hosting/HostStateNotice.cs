using System;
using VoiceNpc.Conversation;

namespace VoiceNpc.Hosting
{
    /// <summary>
    /// A host state change waiting in the host's event queue, so it reaches <see cref="ConversationHost.StateChanged"/>
    /// in order with the conversation's events, on the thread that calls <see cref="ConversationHost.Pump"/>.
    /// </summary>
    internal sealed record HostStateNotice(TimeSpan At, HostState State) : ConversationEvent(At);
}
