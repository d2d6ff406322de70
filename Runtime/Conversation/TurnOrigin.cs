namespace VoiceNpc.Conversation
{
    /// <summary>What started a turn.</summary>
    public enum TurnOrigin
    {
        /// <summary>The player spoke: the microphone, the VAD and speech recognition.</summary>
        Speech,

        /// <summary>The player typed (<see cref="VoiceConversation.SendText"/>): no recognition, the brain answers.</summary>
        Text,

        /// <summary>The game gave the NPC a line (<see cref="VoiceConversation.Say"/>): spoken as written, no brain, no player text.</summary>
        Line,
    }
}
