namespace VoiceNpc.Audio.Native
{
    /// <summary>
    /// How <see cref="NativeCaptureDevice"/> opens the microphone when the host plays the NPC itself (Unity's mixer).
    /// Defaults suit a laptop or a headset and a host mixing at 48 kHz.
    /// </summary>
    public sealed class NativeCaptureOptions
    {
        /// <summary>A capture device name from <see cref="AudioDevices.Capture"/>; null for the system default.</summary>
        public string? CaptureDevice { get; set; }

        /// <summary>
        /// The sample rate of the host's output, which <see cref="NativeCaptureDevice.EchoReference"/> is given (Unity:
        /// <c>AudioSettings.outputSampleRate</c>); the core resamples it to the pipeline's 16 kHz.
        /// </summary>
        public int ReferenceSampleRate { get; set; } = 48000;

        /// <summary>
        /// How much later than it arrives the reference meets the captured audio (0 to 400 ms). The canceller converges
        /// fastest when the echo follows its reference closely: where the host's output reaches the microphone long
        /// after each block is written (measure it), set this a little below that delay minus the host's own block
        /// queue. Too much, and the reference comes after its echo, which cannot be cancelled.
        /// </summary>
        public int ReferenceDelayMilliseconds { get; set; }

        /// <summary>
        /// Cancel the echo of what the host played (<see cref="NativeCaptureDevice.EchoReference"/>) reaching the
        /// microphone, so the NPC does not interrupt itself.
        /// </summary>
        public bool EchoCancellation { get; set; } = true;

        /// <summary>The longest output-to-microphone delay (the host's mixer latency included) plus room echo covered.</summary>
        public int EchoTailMilliseconds { get; set; } = 500;

        /// <summary>As <see cref="NativeAudioOptions.EchoGate"/>: silence echo-only capture until the canceller converges.</summary>
        public bool EchoGate { get; set; } = true;

        public bool NoiseSuppression { get; set; } = true;

        /// <summary>The most a noisy band is attenuated, in dB (negative).</summary>
        public int NoiseSuppressionDb { get; set; } = -25;

        /// <summary>The capture device's buffer; about 100 ms is the least PulseAudio delivers without overruns.</summary>
        public int CaptureBufferMilliseconds { get; set; } = 100;

        /// <summary>The rate the microphone is opened at; the core resamples it to the pipeline's 16 kHz.</summary>
        public int DeviceSampleRate { get; set; } = 48000;
    }
}
