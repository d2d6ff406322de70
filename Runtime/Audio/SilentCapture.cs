using System;
using System.Diagnostics;

namespace VoiceNpc.Audio
{
    /// <summary>
    /// A microphone that hears nothing, on the real-time clock: pipeline-format silence as fast as a real device would
    /// deliver it. For a conversation without a microphone (typed input and scripted lines only) and for hosts that
    /// have no capture device. Reading allocates nothing.
    /// </summary>
    public sealed class SilentCapture : IAudioCapture
    {
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private long _delivered;

        public int AvailableCaptureSamples => (int)Math.Min(int.MaxValue, Due - _delivered);

        public string? Fault => null;

        public int ReadCapture(Span<short> destination)
        {
            int count = Math.Min(destination.Length, AvailableCaptureSamples);
            destination.Slice(0, count).Clear();
            _delivered += count;
            return count;
        }

        public void Dispose() => _clock.Stop();

        private long Due => (long)(_clock.Elapsed.Ticks / (double)TimeSpan.TicksPerSecond * AudioFormat.SampleRate);
    }
}
