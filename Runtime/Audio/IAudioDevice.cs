using System;

namespace VoiceNpc.Audio
{
    /// <summary>
    /// A microphone and speakers in the pipeline format (<see cref="AudioFormat"/>). The audio pump is the only caller:
    /// implementations need not be thread-safe, and must not allocate in <see cref="ReadCapture"/> or
    /// <see cref="WritePlayback"/>.
    /// </summary>
    public interface IAudioDevice : IDisposable
    {
        /// <summary>Copies captured samples that have arrived into <paramref name="destination"/>; returns how many.</summary>
        int ReadCapture(Span<short> destination);

        /// <summary>Queues samples for playback; returns how many were accepted (the rest did not fit).</summary>
        int WritePlayback(ReadOnlySpan<short> samples);

        /// <summary>Drops everything queued for playback (barge-in).</summary>
        void ClearPlayback();

        /// <summary>Samples of NPC audio that have reached the speakers since the device opened.</summary>
        long PlayedSamples { get; }

        /// <summary>Samples queued for playback that have not been played yet.</summary>
        int QueuedPlaybackSamples { get; }

        /// <summary>A lost device or another failure, reported once; null while healthy.</summary>
        string? Fault { get; }
    }
}
