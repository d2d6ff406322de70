namespace VoiceNpc.Audio
{
    /// <summary>How <see cref="CallbackPlayback.Render"/> puts the NPC's voice into the host's buffer.</summary>
    public enum PlaybackMix
    {
        /// <summary>
        /// Multiplies the voice into what is there. The host plays a looping clip of 1.0 on the source, so the buffer
        /// holds its 3D panning, attenuation and mixer gain per channel, and the product is the voice placed in the
        /// scene (the "flat-line clip" voice-chat plugins use with Unity's OnAudioFilterRead).
        /// </summary>
        Multiply,

        /// <summary>Overwrites the buffer with the voice on every channel.</summary>
        Replace,
    }
}
