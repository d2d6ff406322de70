using System;

namespace VoiceNpc.Audio
{
    /// <summary>
    /// Takes what the speakers actually played, as the echo canceller's reference, when a host plays the NPC through its
    /// own audio engine (Unity's mixer) instead of the native core's playback. Called on the host's audio thread with
    /// each interleaved block it outputs, at the sample rate given when the capture was opened: it must not allocate,
    /// lock or block.
    /// </summary>
    public interface IEchoReference
    {
        /// <summary>Adds one output block (<paramref name="channels"/> interleaved, each sample -1..1) to the reference.</summary>
        void Write(ReadOnlySpan<float> interleaved, int channels);
    }
}
