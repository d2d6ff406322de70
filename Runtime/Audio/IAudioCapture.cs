using System;

namespace VoiceNpc.Audio
{
    /// <summary>
    /// A microphone on its own clock, delivering pipeline-format samples (<see cref="AudioFormat"/>): the capture half
    /// of an <see cref="IRealTimeAudioDevice"/> (see <see cref="SplitAudioDevice"/>). Only the audio pump reads it; it
    /// must not allocate in <see cref="ReadCapture"/>.
    /// </summary>
    public interface IAudioCapture : IDisposable
    {
        /// <summary>Captured samples waiting to be read.</summary>
        int AvailableCaptureSamples { get; }

        /// <summary>Copies captured samples that have arrived into <paramref name="destination"/>; returns how many.</summary>
        int ReadCapture(Span<short> destination);

        /// <summary>A lost microphone or another failure; null while healthy.</summary>
        string? Fault { get; }
    }
}
