using System;

namespace VoiceNpc.Audio
{
    /// <summary>
    /// Speakers that take pipeline-format samples (<see cref="AudioFormat"/>): the playback half of an
    /// <see cref="IRealTimeAudioDevice"/> (see <see cref="SplitAudioDevice"/>). Only the audio pump calls it; it must
    /// not allocate in <see cref="WritePlayback"/>.
    /// </summary>
    public interface IAudioPlayback : IDisposable
    {
        /// <summary>Queues samples for playback; returns how many were accepted (the rest did not fit).</summary>
        int WritePlayback(ReadOnlySpan<short> samples);

        /// <summary>Drops everything queued for playback (barge-in).</summary>
        void ClearPlayback();

        /// <summary>The output position the speakers have reached, in samples since the playback opened.</summary>
        long PlayedSamples { get; }

        /// <summary>Samples queued for playback that have not been played yet.</summary>
        int QueuedPlaybackSamples { get; }

        /// <summary>How far ahead of the speakers the pump should keep NPC audio queued to ride out scheduling jitter.</summary>
        int PlaybackLeadSamples { get; }

        /// <summary>A lost output or another failure; null while healthy.</summary>
        string? Fault { get; }
    }
}
