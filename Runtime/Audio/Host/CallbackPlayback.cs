using System;
using System.Threading;
using VoiceNpc.Timing;

namespace VoiceNpc.Audio
{
    /// <summary>
    /// The NPC's voice pulled by the host's audio callback (Unity's <c>OnAudioFilterRead</c>): the audio pump writes
    /// pipeline samples into a lock-free ring, and <see cref="Render"/>, on the host's audio thread, resamples them to
    /// the output rate and writes every channel. <see cref="PlayedSamples"/> is the position the callback has
    /// rendered, so subtitles, visemes and barge-in memory follow the real output. Render, the pump's calls and the
    /// properties take no lock and allocate nothing.
    /// </summary>
    public sealed class CallbackPlayback : IAudioPlayback
    {
        private readonly SampleRing _ring;
        private readonly ResamplerBank _bank;
        private readonly VoiceRenderer _renderer;
        private readonly float[] _mono;
        private readonly PlaybackMix _mix;
        private readonly IClock _clock;
        private readonly TimeSpan _stallLimit;
        private readonly string _stallFault;
        private long _seenCallbacks = -1;
        private TimeSpan _seenAt;
        private IEchoReference? _reference;
        private long _clearTo;
        private long _callbacks, _renderedFrames;
        private int _outputRate;
        private volatile bool _disposed;
        private volatile bool _outputPaused;

        public CallbackPlayback(CallbackPlaybackOptions? options = null)
        {
            options ??= new CallbackPlaybackOptions();
            if (options.PlaybackLeadSamples < 1 || options.PlaybackLeadSamples >= options.RingSamples)
                throw new ArgumentOutOfRangeException(nameof(options), options.PlaybackLeadSamples,
                    $"PlaybackLeadSamples must be at least 1 and below RingSamples ({options.RingSamples})");
            if (options.MaxBlockFrames < 1)
                throw new ArgumentOutOfRangeException(nameof(options), options.MaxBlockFrames, "MaxBlockFrames must be positive");
            if (options.StalledCallbackMilliseconds < 0)
                throw new ArgumentOutOfRangeException(nameof(options), options.StalledCallbackMilliseconds,
                    "StalledCallbackMilliseconds must not be negative (0 turns the watch off)");
            if (options.UnderrunGapMilliseconds < 0)
                throw new ArgumentOutOfRangeException(nameof(options), options.UnderrunGapMilliseconds,
                    "UnderrunGapMilliseconds must not be negative");
            _ring = new SampleRing(options.RingSamples);
            _bank = new ResamplerBank(options.OutputSampleRates);
            _renderer = new VoiceRenderer(_ring, _bank, options.UnderrunGapMilliseconds);
            _mono = new float[options.MaxBlockFrames];
            _mix = options.Mix;
            _reference = options.Reference;
            PlaybackLeadSamples = options.PlaybackLeadSamples;
            _clock = options.Clock ?? new SystemClock();
            _stallLimit = TimeSpan.FromMilliseconds(options.StalledCallbackMilliseconds);
            _stallFault = $"the audio callback has not been called for {options.StalledCallbackMilliseconds} ms while the NPC's voice is " +
                          "queued: is the AudioSource playing and its object active?";
        }

        public int PlaybackLeadSamples { get; }

        /// <summary>
        /// The stream position the callback has rendered, in pipeline samples; audio dropped by
        /// <see cref="ClearPlayback"/> counts as passed, so <c>PlayedSamples + QueuedPlaybackSamples</c> is where the next
        /// written sample will play.
        /// </summary>
        public long PlayedSamples => Math.Max(_renderer.Played, Volatile.Read(ref _clearTo));

        public int QueuedPlaybackSamples => (int)(_ring.WritePosition - PlayedSamples);

        /// <summary>
        /// Set while the callback has not run for <see cref="CallbackPlaybackOptions.StalledCallbackMilliseconds"/> with
        /// the NPC's voice queued; clears when it runs again. Read by the pump (it keeps the watch's state).
        /// </summary>
        public string? Fault
        {
            get
            {
                long callbacks = Volatile.Read(ref _callbacks);
                var now = _clock.Now;
                if (_disposed || _outputPaused || _stallLimit == TimeSpan.Zero || callbacks != _seenCallbacks || QueuedPlaybackSamples == 0)
                {
                    _seenCallbacks = callbacks;
                    _seenAt = now;
                    return null;
                }
                return now - _seenAt >= _stallLimit ? _stallFault : null;
            }
        }

        /// <summary>
        /// The host stopped calling back on purpose (Unity: <c>AudioListener.pause</c> with a game paused): the voice
        /// waits where it is, and the stall watch of <see cref="Fault"/> waits with it until this is false again.
        /// </summary>
        public bool OutputPaused
        {
            get => _outputPaused;
            set => _outputPaused = value;
        }

        /// <summary>Fed with each rendered block after mixing (the agent's own output as echo reference); null for none.</summary>
        public IEchoReference? Reference
        {
            get => Volatile.Read(ref _reference);
            set => Volatile.Write(ref _reference, value);
        }

        public CallbackPlaybackStats Stats => new CallbackPlaybackStats(Volatile.Read(ref _callbacks), Volatile.Read(ref _renderedFrames),
            _renderer.Played - _renderer.ClearedSamples, _renderer.Underruns, _renderer.UnderrunSamples, _renderer.Clears,
            _renderer.ClearedSamples, _renderer.UnpreparedRateCallbacks, Volatile.Read(ref _outputRate));

        /// <summary>Pump thread: queues samples; returns how many fit.</summary>
        public int WritePlayback(ReadOnlySpan<short> samples) => _disposed ? 0 : _ring.Write(samples);

        /// <summary>Pump thread: the callback outputs silence from its next block on; samples written after this still play.</summary>
        public void ClearPlayback() => Volatile.Write(ref _clearTo, _ring.WritePosition);

        /// <summary>
        /// Builds the resampling table for an output rate the options did not list (after the host's audio settings
        /// changed). Any thread but the audio thread; until then the callback renders silence at that rate.
        /// </summary>
        public void PrepareOutputRate(int outputSampleRate) => _bank.Prepare(outputSampleRate);

        /// <summary>
        /// Audio thread: writes the next block of the voice into <paramref name="data"/> (<paramref name="channels"/>
        /// interleaved, at <paramref name="outputSampleRate"/>), multiplied in or replacing per <see cref="PlaybackMix"/>.
        /// </summary>
        public void Render(Span<float> data, int channels, int outputSampleRate)
        {
            if (channels < 1) throw new ArgumentOutOfRangeException(nameof(channels), channels, "a block needs at least one channel");
            if (outputSampleRate < 1)
                throw new ArgumentOutOfRangeException(nameof(outputSampleRate), outputSampleRate, "the output rate must be positive");
            int frames = data.Length / channels;
            bool ready = !_disposed && _renderer.Begin(Volatile.Read(ref _clearTo), outputSampleRate);
            for (int done = 0; done < frames;)
            {
                int count = Math.Min(frames - done, _mono.Length);
                var mono = new Span<float>(_mono, 0, count);
                if (ready) _renderer.Fill(mono);
                else mono.Clear();
                Mix(data.Slice(done * channels, count * channels), mono, channels);
                done += count;
            }
            data.Slice(frames * channels).Clear();   // a partial frame at the end: nothing of ours to put there
            Reference?.Write(data, channels);
            Volatile.Write(ref _outputRate, outputSampleRate);
            Volatile.Write(ref _renderedFrames, _renderedFrames + frames);
            Volatile.Write(ref _callbacks, _callbacks + 1);
        }

        private void Mix(Span<float> block, ReadOnlySpan<float> mono, int channels)
        {
            int i = 0;
            if (_mix == PlaybackMix.Multiply)
            {
                for (int f = 0; f < mono.Length; f++)
                {
                    float v = mono[f];
                    for (int c = 0; c < channels; c++) block[i++] *= v;
                }
                return;
            }
            for (int f = 0; f < mono.Length; f++)
            {
                float v = mono[f];
                for (int c = 0; c < channels; c++) block[i++] = v;
            }
        }

        /// <summary>The callback renders silence from now on (a host may still call it until its component goes).</summary>
        public void Dispose() => _disposed = true;
    }
}
