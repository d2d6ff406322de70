namespace VoiceNpc.Audio.Native
{
    /// <summary>How <see cref="NativeAudioDevice"/> opens the microphone and speakers. Defaults suit a headset or laptop.</summary>
    public sealed class NativeAudioOptions
    {
        /// <summary>A capture device name from <see cref="AudioDevices.Capture"/>; null for the system default.</summary>
        public string? CaptureDevice { get; set; }

        /// <summary>A playback device name from <see cref="AudioDevices.Playback"/>; null for the system default.</summary>
        public string? PlaybackDevice { get; set; }

        /// <summary>The rate the devices are opened at; the engine resamples to and from the pipeline's 16 kHz.</summary>
        public int DeviceSampleRate { get; set; } = 48000;

        /// <summary>Cancel the echo of the NPC's own voice reaching the microphone (keeps the NPC from interrupting itself).</summary>
        public bool EchoCancellation { get; set; } = true;

        /// <summary>The longest speaker-to-microphone delay plus room echo the canceller covers.</summary>
        public int EchoTailMilliseconds { get; set; } = 500;

        /// <summary>
        /// With echo cancellation: until the adaptive filter has converged (about a second of the NPC's voice, at most
        /// 3 s), silence capture that holds only the NPC's echo (a peak under half of what played). Meanwhile a player
        /// speaking over the NPC passes only above half the NPC's digital peak.
        /// </summary>
        public bool EchoGate { get; set; } = true;

        public bool NoiseSuppression { get; set; } = true;

        /// <summary>The most a noisy band is attenuated, in dB (negative).</summary>
        public int NoiseSuppressionDb { get; set; } = -25;

        /// <summary>The capture device's buffer; about 100 ms is the least PulseAudio delivers without overruns.</summary>
        public int CaptureBufferMilliseconds { get; set; } = 100;
    }
}
