namespace VoiceNpc.Hosting
{
    /// <summary>Where a <see cref="ConversationHost"/> is in its life cycle.</summary>
    public enum HostState
    {
        /// <summary>Not started, or stopped: no thread, device or provider is held.</summary>
        Stopped,

        /// <summary>Opening the device, loading memory and preparing the providers on a worker.</summary>
        Starting,

        /// <summary>The conversation listens and speaks; the controls work.</summary>
        Running,

        /// <summary>Starting failed (see <see cref="ConversationHost.FailureReason"/>); everything it had opened is released.</summary>
        Failed,

        /// <summary>Inside <see cref="ConversationHost.Stop"/>: releasing the conversation, the device and the workers.</summary>
        Stopping,
    }
}
