namespace VoiceNpc.Conversation
{
    internal enum ControlKind { SendText, Say, Interrupt, EndTurn }

    /// <summary>
    /// One control call waiting for the audio pump: a node of <see cref="ConversationControls"/>' lock-free list, made
    /// by the calling thread so the pump that takes it allocates nothing.
    /// </summary>
    internal sealed class ControlRequest
    {
        public ControlRequest(ControlKind kind, string text = "")
        {
            Kind = kind;
            Text = text;
        }

        public ControlKind Kind { get; }

        /// <summary>The typed player text or the line to say; empty for the others.</summary>
        public string Text { get; }

        /// <summary>The request posted before this one (while in the list) or after it (once the pump has taken the list).</summary>
        public ControlRequest? Next { get; set; }
    }
}
