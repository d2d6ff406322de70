namespace VoiceNpc.Audio
{
    /// <summary>The pipeline's one PCM format: 16 kHz, mono, signed 16-bit, in 20 ms frames.</summary>
    public static class AudioFormat
    {
        public const int SampleRate = 16000;
        public const int FrameMilliseconds = 20;
        public const int FrameSamples = SampleRate * FrameMilliseconds / 1000;

        public static System.TimeSpan DurationOf(long samples) =>
            System.TimeSpan.FromTicks(samples * System.TimeSpan.TicksPerSecond / SampleRate);

        public static long SamplesIn(System.TimeSpan duration) =>
            duration.Ticks * SampleRate / System.TimeSpan.TicksPerSecond;
    }
}
