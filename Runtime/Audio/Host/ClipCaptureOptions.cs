using VoiceNpc.Timing;

namespace VoiceNpc.Audio
{
    /// <summary>Settings of a <see cref="ClipCapture"/>; every field has a usable default.</summary>
    public sealed class ClipCaptureOptions
    {
        /// <summary>Length of the fixed blocks read from the clip (default 10 ms; at most a quarter of the clip).</summary>
        public int BlockMilliseconds { get; set; } = 10;

        /// <summary>Room in the ring the pump reads, in pipeline samples (default 1 s).</summary>
        public int RingSamples { get; set; } = AudioFormat.SampleRate;

        /// <summary>
        /// The time between polls, to tell a position that wrapped unseen (the game thread stalled for longer than half
        /// the clip) from one that moved a little; default the system clock.
        /// </summary>
        public IClock? Clock { get; set; }

        /// <summary>A position that has not moved for this long is a <see cref="ClipCapture.Fault"/> (default 1 s).</summary>
        public int StalledFaultMilliseconds { get; set; } = 1000;
    }
}
