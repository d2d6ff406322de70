using System;

namespace VoiceNpc.Vad
{
    /// <summary>
    /// Scores how likely audio is speech. Fed 20 ms pipeline frames on the audio pump; implementations buffer to their
    /// own window size, keep their state between calls and allocate nothing per call.
    /// </summary>
    public interface IVoiceActivityDetector : IDisposable
    {
        string Name { get; }

        /// <summary>Feeds one frame; returns the speech probability (0..1) of the newest complete window.</summary>
        float Process(ReadOnlySpan<short> frame);

        /// <summary>Forgets all history (a new conversation).</summary>
        void Reset();
    }
}
