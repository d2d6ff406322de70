namespace VoiceNpc.Audio
{
    /// <summary>Counters of a <see cref="CallbackPlayback"/>'s callback, read from any thread.</summary>
    public readonly struct CallbackPlaybackStats
    {
        public CallbackPlaybackStats(long callbacks, long renderedFrames, long playedSamples, long underruns, long underrunSamples,
            long clears, long clearedSamples, long unpreparedRateCallbacks, int outputSampleRate)
        {
            Callbacks = callbacks;
            RenderedFrames = renderedFrames;
            PlayedSamples = playedSamples;
            Underruns = underruns;
            UnderrunSamples = underrunSamples;
            Clears = clears;
            ClearedSamples = clearedSamples;
            UnpreparedRateCallbacks = unpreparedRateCallbacks;
            OutputSampleRate = outputSampleRate;
        }

        /// <summary>Calls of <see cref="CallbackPlayback.Render"/>.</summary>
        public long Callbacks { get; }

        /// <summary>Output frames rendered (at the output rate, each on every channel).</summary>
        public long RenderedFrames { get; }

        /// <summary>Pipeline samples of the NPC's voice rendered (cleared ones excluded).</summary>
        public long PlayedSamples { get; }

        /// <summary>Times the NPC's stream ran dry mid-line and resumed (<see cref="CallbackPlaybackOptions.UnderrunGapMilliseconds"/>).</summary>
        public long Underruns { get; }

        /// <summary>Pipeline samples of silence those underruns put into lines.</summary>
        public long UnderrunSamples { get; }

        /// <summary>Clears (barge-ins) the callback has carried out.</summary>
        public long Clears { get; }

        /// <summary>Pipeline samples dropped by clears, never rendered.</summary>
        public long ClearedSamples { get; }

        /// <summary>Callbacks at an output rate without a prepared table: silence, nothing taken from the ring.</summary>
        public long UnpreparedRateCallbacks { get; }

        /// <summary>The output rate of the last callback (0 before the first).</summary>
        public int OutputSampleRate { get; }

        public override string ToString() =>
            $"callbacks {Callbacks}, frames {RenderedFrames} at {OutputSampleRate} Hz, played {PlayedSamples}, underruns {Underruns} " +
            $"({UnderrunSamples} samples), clears {Clears} ({ClearedSamples} samples), unprepared-rate callbacks {UnpreparedRateCallbacks}";
    }
}
