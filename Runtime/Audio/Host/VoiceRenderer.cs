using System;
using System.Threading;

namespace VoiceNpc.Audio
{
    /// <summary>
    /// The audio-thread half of a <see cref="CallbackPlayback"/>: carries out clears, picks the resampler for the
    /// output rate, turns ring samples into mono output and keeps the played position and the counters.
    /// Allocation- and lock-free; every field but the counters is touched by the audio thread only.
    /// </summary>
    internal sealed class VoiceRenderer
    {
        private const float Scale = 1f / 32768f;

        private readonly SampleRing _ring;
        private readonly ResamplerBank _bank;
        private readonly long _gapLimit;
        private readonly short[] _pcm = new short[1024];
        private readonly float[] _input = new float[1024];
        private StreamingResampler? _resampler;
        private long _base;   // the ring position of the current resampler's first input
        private long _clearHandled;
        private bool _inLine;
        private long _gap;
        private long _played, _underruns, _underrunSamples, _clears, _clearedSamples, _unprepared;

        public VoiceRenderer(SampleRing ring, ResamplerBank bank, int underrunGapMilliseconds)
        {
            _ring = ring;
            _bank = bank;
            _gapLimit = (long)underrunGapMilliseconds * AudioFormat.SampleRate / 1000;
        }

        public long Played => Volatile.Read(ref _played);
        public long Underruns => Volatile.Read(ref _underruns);
        public long UnderrunSamples => Volatile.Read(ref _underrunSamples);
        public long Clears => Volatile.Read(ref _clears);
        public long ClearedSamples => Volatile.Read(ref _clearedSamples);
        public long UnpreparedRateCallbacks => Volatile.Read(ref _unprepared);

        /// <summary>Carries out a clear requested up to <paramref name="clearTo"/>; false when <paramref name="rate"/> has no resampler.</summary>
        public bool Begin(long clearTo, int rate)
        {
            if (clearTo > _clearHandled) Clear(clearTo);
            if (_resampler != null && _resampler.OutputRate == rate) return true;
            var next = _bank.Find(rate);
            if (next == null)
            {
                Volatile.Write(ref _unprepared, _unprepared + 1);
                return false;
            }
            // A new output rate (the host's audio was reset): what the old resampler still held is passed over.
            next.Reset();
            _resampler = next;
            _base = _ring.ReadPosition;
            Volatile.Write(ref _played, _base);
            return true;
        }

        /// <summary>Fills <paramref name="mono"/> with the voice at the output rate; silence where the ring ran dry.</summary>
        public void Fill(Span<float> mono)
        {
            var resampler = _resampler!;
            int produced = 0;
            while (produced < mono.Length)
            {
                int available = _ring.Available;
                if (available > 0)
                {
                    EndGap();
                    long wanted = (long)(mono.Length - produced) * resampler.InputRate / resampler.OutputRate + resampler.LookaheadSamples + 2;
                    int take = (int)Math.Min(Math.Min(available, _pcm.Length), wanted);
                    int got = _ring.Peek(new Span<short>(_pcm, 0, take));
                    for (int i = 0; i < got; i++) _input[i] = _pcm[i] * Scale;
                    produced += resampler.Process(new ReadOnlySpan<float>(_input, 0, got), mono.Slice(produced), out int used);
                    _ring.Advance(used);
                }
                else
                {
                    produced += resampler.ProcessSilence(int.MaxValue, mono.Slice(produced), out int used);
                    if (!_inLine) continue;
                    _gap += used;
                    if (_gap > _gapLimit) { _inLine = false; _gap = 0; }
                }
            }
            Volatile.Write(ref _played, _base + resampler.CountedInputsPassed);
        }

        private void Clear(long clearTo)
        {
            _clearHandled = clearTo;
            long pending = _resampler?.CountedInputsPending ?? 0;
            long skipped = _ring.SkipTo(clearTo);
            _resampler?.Reset();
            _base = _ring.ReadPosition;
            _inLine = false;
            _gap = 0;
            Volatile.Write(ref _clearedSamples, _clearedSamples + skipped + pending);
            Volatile.Write(ref _clears, _clears + 1);
            Volatile.Write(ref _played, _base);
        }

        /// <summary>The stream resumed: a short silence inside a line was an underrun.</summary>
        private void EndGap()
        {
            if (_inLine && _gap > 0)
            {
                Volatile.Write(ref _underruns, _underruns + 1);
                Volatile.Write(ref _underrunSamples, _underrunSamples + _gap);
            }
            _gap = 0;
            _inLine = true;
        }
    }
}
