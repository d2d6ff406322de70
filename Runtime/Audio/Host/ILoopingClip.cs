namespace VoiceNpc.Audio
{
    /// <summary>
    /// A looping recording buffer a microphone writes into, as Unity's <c>Microphone.Start</c> clip: the device writes
    /// at <see cref="Position"/> and wraps at <see cref="Frames"/>. Read on the game thread only.
    /// </summary>
    public interface ILoopingClip
    {
        /// <summary>Frames per second; 0 when the device failed to start.</summary>
        int Frequency { get; }

        /// <summary>Interleaved channels per frame; 0 when the device failed to start.</summary>
        int Channels { get; }

        /// <summary>The clip's length in frames.</summary>
        int Frames { get; }

        /// <summary>The frame the device writes next (<c>Microphone.GetPosition</c>).</summary>
        int Position { get; }

        /// <summary>
        /// Fills the whole of <paramref name="buffer"/> (interleaved) from <paramref name="offsetFrames"/> on, wrapping at
        /// the clip's end (<c>AudioClip.GetData</c>).
        /// </summary>
        void GetData(float[] buffer, int offsetFrames);
    }
}
