namespace VoiceNpc.Audio
{
    /// <summary>Counters of a <see cref="ClipCapture"/>, read from any thread.</summary>
    public readonly struct ClipCaptureStats
    {
        public ClipCaptureStats(long polls, long framesRead, long samplesWritten, long overruns, long lostFrames, long droppedSamples,
            long stalledPolls)
        {
            Polls = polls;
            FramesRead = framesRead;
            SamplesWritten = samplesWritten;
            Overruns = overruns;
            LostFrames = lostFrames;
            DroppedSamples = droppedSamples;
            StalledPolls = stalledPolls;
        }

        public long Polls { get; }

        /// <summary>Clip frames read (at the clip's rate).</summary>
        public long FramesRead { get; }

        /// <summary>Pipeline samples put in the ring for the pump.</summary>
        public long SamplesWritten { get; }

        /// <summary>Polls that came so late that the device had written over unread audio (at least half a lap unseen).</summary>
        public long Overruns { get; }

        /// <summary>Clip frames those overruns lost (estimated from the time between the polls).</summary>
        public long LostFrames { get; }

        /// <summary>Pipeline samples that did not fit in the ring because the pump did not read them.</summary>
        public long DroppedSamples { get; }

        /// <summary>Polls that found the position where the last one left it.</summary>
        public long StalledPolls { get; }

        public override string ToString() =>
            $"polls {Polls}, frames read {FramesRead}, samples written {SamplesWritten}, overruns {Overruns} ({LostFrames} frames lost), " +
            $"dropped {DroppedSamples}, stalled polls {StalledPolls}";
    }
}
