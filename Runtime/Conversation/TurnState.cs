namespace VoiceNpc.Conversation
{
    /// <summary>Where the conversation is in its turn cycle.</summary>
    public enum TurnState
    {
        Listening,
        PlayerSpeaking,
        Thinking,
        NpcSpeaking,
    }
}
