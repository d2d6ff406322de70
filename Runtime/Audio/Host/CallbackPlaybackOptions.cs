using System.Collections.Generic;
using VoiceNpc.Timing;

namespace VoiceNpc.Audio
{
    /// <summary>Settings of a <see cref="CallbackPlayback"/>; every field has a usable default.</summary>
    public sealed class CallbackPlaybackOptions
    {
        /// <summary>How the voice goes into the host's buffer.</summary>
        public PlaybackMix Mix { get; set; } = PlaybackMix.Multiply;

        /// <summary>How far ahead of the callback the pump keeps audio queued (default 100 ms).</summary>
        public int PlaybackLeadSamples { get; set; } = 1600;

        /// <summary>Room in the ring between the pump and the callback, in pipeline samples (default 1 s).</summary>
        public int RingSamples { get; set; } = AudioFormat.SampleRate;

        /// <summary>
        /// Output rates whose resampling tables are built up front, so the callback finds them without allocating.
        /// Another rate can be added with <see cref="CallbackPlayback.PrepareOutputRate"/> off the audio thread.
        /// </summary>
        public IReadOnlyList<int> OutputSampleRates { get; set; } = new[] { 48000, 44100 };

        /// <summary>The largest block the callback renders in one pass; longer blocks are rendered in parts.</summary>
        public int MaxBlockFrames { get; set; } = 4096;

        /// <summary>
        /// A silence in the NPC's stream up to this long, followed by more of it, is an underrun (audio that came
        /// late); a longer one is a pause between lines (default 250 ms).
        /// </summary>
        public int UnderrunGapMilliseconds { get; set; } = 250;

        /// <summary>
        /// The callback not running for this long while the NPC's voice is queued is a <see cref="CallbackPlayback.Fault"/>
        /// (a source that is not playing, or a disabled object), so a line cannot wait forever for its end (default 1 s;
        /// 0 turns the watch off, e.g. for a host that keeps pumping while its audio is paused).
        /// </summary>
        public int StalledCallbackMilliseconds { get; set; } = 1000;

        /// <summary>The pump's sense of time for <see cref="StalledCallbackMilliseconds"/>; default the system clock.</summary>
        public IClock? Clock { get; set; }

        /// <summary>Fed with every rendered block (after mixing), e.g. as the echo canceller's reference.</summary>
        public IEchoReference? Reference { get; set; }
    }
}
