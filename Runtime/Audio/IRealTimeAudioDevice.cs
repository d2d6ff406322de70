namespace VoiceNpc.Audio
{
    /// <summary>
    /// A device that runs on its own clock (real hardware). The audio pump takes a frame whenever the microphone has
    /// delivered one instead of on a timer, so the device's clock and the system's never drift apart.
    /// </summary>
    public interface IRealTimeAudioDevice : IAudioDevice
    {
        /// <summary>Captured samples waiting to be read.</summary>
        int AvailableCaptureSamples { get; }

        /// <summary>How far ahead of the speakers the pump should keep NPC audio queued to ride out scheduling jitter.</summary>
        int PlaybackLeadSamples { get; }
    }
}
