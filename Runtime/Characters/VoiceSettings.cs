namespace VoiceNpc.Characters
{
    /// <summary>
    /// How one TTS provider speaks for a character. <see cref="Voice"/> is the provider's voice name or id;
    /// <see cref="Pitch"/> is the mean pitch in Hz (null keeps the voice's own); <see cref="Rate"/> 1.0 is the voice's
    /// natural speed, 1.2 is 20 % faster.
    /// </summary>
    public sealed record VoiceSettings(string Voice, float? Pitch = null, float Rate = 1.0f);
}
