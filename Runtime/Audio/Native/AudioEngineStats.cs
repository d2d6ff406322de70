using System;

namespace VoiceNpc.Audio.Native
{
    /// <summary>Counters of the native audio engine since it opened (samples are at the pipeline rate unless noted).</summary>
    public readonly struct AudioEngineStats
    {
        internal AudioEngineStats(in NativeMethods.EngineStats s)
        {
            CapturedSamples = (long)s.CapturedSamples;
            PlayedSamples = (long)s.PlayedSamples;
            CaptureOverruns = (long)s.CaptureOverruns;
            PlaybackUnderruns = (long)s.PlaybackUnderruns;
            DroppedBacklogSamples = (long)s.DroppedBacklogSamples;
            DspTime = TimeSpan.FromTicks((long)(s.DspNanoseconds / 100));
            EchoGatedSamples = (long)s.EchoGatedSamples;
            QueuedPlaybackSamples = (int)s.QueuedPlaybackSamples;
            SourceQueuedSamples = (int)s.SourceQueuedSamples;
            CapturePeak = (int)s.CapturePeak;
            DeviceLost = s.DeviceLost != 0;
            RealtimePriority = s.RealtimePriority != 0;
            CaptureOnly = s.CaptureOnly != 0;
            ReferenceFrames = (long)s.ReferenceFrames;
            ReferenceOverruns = (long)s.ReferenceOverruns;
            ReferenceUnderrunSamples = (long)s.ReferenceUnderruns;
            ReferenceDroppedSamples = (long)s.ReferenceDropped;
            ReferenceLevelSamples = (int)s.ReferenceLevel;
        }

        public long CapturedSamples { get; }
        public long PlayedSamples { get; }

        /// <summary>Captured samples lost because nobody read the capture ring in time.</summary>
        public long CaptureOverruns { get; }

        /// <summary>Times the speakers ran dry in the middle of speech.</summary>
        public long PlaybackUnderruns { get; }

        /// <summary>Device-rate samples dropped because the capture device built up a backlog.</summary>
        public long DroppedBacklogSamples { get; }

        /// <summary>Time the audio thread spent resampling, cancelling echo and suppressing noise.</summary>
        public TimeSpan DspTime { get; }

        /// <summary>Captured samples silenced because they held only the NPC's own echo.</summary>
        public long EchoGatedSamples { get; }

        /// <summary>In the playback ring and on the OpenAL source, as of the audio thread's last poll.</summary>
        public int QueuedPlaybackSamples { get; }

        /// <summary>On the OpenAL source and not heard yet.</summary>
        public int SourceQueuedSamples { get; }

        /// <summary>Peak absolute sample of the latest capture read (0..32767): a microphone level meter.</summary>
        public int CapturePeak { get; }

        public bool DeviceLost { get; }

        /// <summary>The audio thread runs at real-time priority (SCHED_FIFO); false where the system refused it.</summary>
        public bool RealtimePriority { get; }

        /// <summary>Capture only (<see cref="NativeCaptureDevice"/>): the playback counts stay 0.</summary>
        public bool CaptureOnly { get; }

        /// <summary>Capture only: frames of the host's output (at its rate) the echo reference took.</summary>
        public long ReferenceFrames { get; }

        /// <summary>Capture only: frames of the host's output lost because the engine had not consumed the reference.</summary>
        public long ReferenceOverruns { get; }

        /// <summary>Capture only: captured samples that found no reference waiting (cancelled against silence).</summary>
        public long ReferenceUnderrunSamples { get; }

        /// <summary>Capture only: reference samples dropped because the host's clock ran ahead of the microphone's.</summary>
        public long ReferenceDroppedSamples { get; }

        /// <summary>Capture only: reference samples waiting for their capture after the latest capture read.</summary>
        public int ReferenceLevelSamples { get; }
    }
}
