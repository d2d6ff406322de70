using System;

namespace VoiceNpc.Audio
{
    /// <summary>
    /// Converts a stream between two sample rates block by block with a precomputed polyphase windowed-sinc table
    /// (<see cref="PolyphaseFilter"/>), keeping its history between calls. The output's position is exact rational
    /// arithmetic, so it never drifts. Nothing allocates after construction: it is safe on an audio thread.
    /// It also counts how many of the "counted" inputs the output has reached, which is how a player knows the
    /// position its listener has heard (silence fed in during an underrun is not counted).
    /// </summary>
    public sealed class StreamingResampler
    {
        private readonly PolyphaseFilter _filter;
        private readonly float[] _history;   // each input twice, at i and i + size: a window is always contiguous
        private readonly bool[] _counted;
        private readonly int _size, _mask;
        private long _fed, _anchor, _passedUpTo, _passedCounted;
        private int _phase;                  // the output's position is _anchor + _phase / Up input samples

        public StreamingResampler(int inputRate, int outputRate)
        {
            _filter = new PolyphaseFilter(inputRate, outputRate);
            InputRate = inputRate;
            OutputRate = outputRate;
            _size = 1;
            while (_size < _filter.Taps + 1) _size <<= 1;
            _mask = _size - 1;
            _history = new float[2 * _size];
            _counted = new bool[_size];
        }

        public int InputRate { get; }
        public int OutputRate { get; }

        /// <summary>Input samples an output waits for beyond its own position (the filter's lookahead).</summary>
        public int LookaheadSamples => _filter.After;

        /// <summary>Counted inputs that the output has reached since the last <see cref="Reset"/>.</summary>
        public long CountedInputsPassed => _passedCounted;

        /// <summary>Counted inputs taken but not reached by the output yet (at most the lookahead and one more).</summary>
        public long CountedInputsPending { get; private set; }

        /// <summary>Forgets the history (silence before the next input) and the position.</summary>
        public void Reset()
        {
            Array.Clear(_history, 0, _history.Length);
            _fed = _anchor = _passedUpTo = _passedCounted = 0;
            _phase = 0;
            CountedInputsPending = 0;
        }

        /// <summary>
        /// Fills <paramref name="output"/> from <paramref name="input"/>, taking only the inputs it needs; returns the
        /// outputs written, with the inputs taken in <paramref name="consumed"/>.
        /// </summary>
        public int Process(ReadOnlySpan<float> input, Span<float> output, out int consumed) =>
            Run(input, input.Length, output, true, out consumed);

        /// <summary>As <see cref="Process"/> with up to <paramref name="maxInputs"/> samples of uncounted silence as input.</summary>
        public int ProcessSilence(int maxInputs, Span<float> output, out int consumed) =>
            Run(ReadOnlySpan<float>.Empty, maxInputs, output, false, out consumed);

        private int Run(ReadOnlySpan<float> input, int available, Span<float> output, bool counted, out int consumed)
        {
            consumed = 0;
            int produced = 0;
            while (produced < output.Length)
            {
                long needed = _anchor + _filter.After;
                while (_fed <= needed)
                {
                    if (consumed == available) return produced;
                    Push(counted ? input[consumed] : 0f, counted);
                    consumed++;
                }
                output[produced++] = Compute();
                Step();
            }
            return produced;
        }

        private void Push(float sample, bool counted)
        {
            int at = (int)(_fed & _mask);
            _history[at] = sample;
            _history[at + _size] = sample;
            _counted[at] = counted;
            _fed++;
            if (counted) CountedInputsPending++;
        }

        private float Compute()
        {
            int taps = _filter.Taps;
            var coefficients = _filter.Coefficients;
            int start = (int)((_anchor - _filter.Before) & _mask);
            long scaled = (long)_phase * _filter.Phases;
            int row = (int)(scaled / _filter.Up);
            int rest = (int)(scaled % _filter.Up);
            float sum = Dot(coefficients, row * taps, start, taps);
            if (rest == 0) return sum;
            float next = Dot(coefficients, (row + 1) * taps, start, taps);
            float t = (float)rest / _filter.Up;
            return sum + (next - sum) * t;
        }

        private float Dot(float[] coefficients, int offset, int start, int taps)
        {
            float sum = 0f;
            var history = _history;
            for (int k = 0; k < taps; k++) sum += coefficients[offset + k] * history[start + k];
            return sum;
        }

        /// <summary>Moves to the next output's position and counts the inputs it has now passed.</summary>
        private void Step()
        {
            while (_passedUpTo <= _anchor)
            {
                if (_counted[(int)(_passedUpTo & _mask)])
                {
                    _passedCounted++;
                    CountedInputsPending--;
                }
                _passedUpTo++;
            }
            _phase += _filter.Down;
            _anchor += _phase / _filter.Up;
            _phase %= _filter.Up;
        }
    }
}
