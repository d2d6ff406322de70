using System;

namespace VoiceNpc.Audio
{
    /// <summary>
    /// The coefficient table of a rational resampler (output rate / input rate = Up / Down in lowest terms): a
    /// Blackman-windowed sinc with 32 zero crossings each side at the lower rate, cut off at 92 % of the lower Nyquist
    /// frequency (so 16 kHz content is not imaged above 8 kHz when upsampling, and 44.1/48 kHz input is low-passed
    /// before decimating). One row per output phase, each normalised to unit DC gain. Ratios with more than
    /// <see cref="MaxPhases"/> phases use that many rows and interpolate between neighbours. Built once, off the audio thread.
    /// </summary>
    internal sealed class PolyphaseFilter
    {
        public const int MaxPhases = 1024;
        private const int ZeroCrossings = 32;
        private const double Rolloff = 0.92;

        public PolyphaseFilter(int inputRate, int outputRate)
        {
            if (inputRate <= 0) throw new ArgumentOutOfRangeException(nameof(inputRate), inputRate, "sample rate must be positive");
            if (outputRate <= 0) throw new ArgumentOutOfRangeException(nameof(outputRate), outputRate, "sample rate must be positive");
            int divisor = Gcd(inputRate, outputRate);
            Up = outputRate / divisor;
            Down = inputRate / divisor;
            if (Up == Down)
            {
                Taps = 1;
                Phases = 1;
                Coefficients = new float[] { 1f, 1f };
                return;
            }
            Phases = Math.Min(Up, MaxPhases);
            double ratio = Math.Min(1.0, (double)outputRate / inputRate);
            double halfWidth = ZeroCrossings / ratio;   // in input samples
            Taps = 2 * (int)Math.Ceiling(halfWidth);
            Before = Taps / 2 - 1;
            Coefficients = new float[(Phases + 1) * Taps];
            for (int row = 0; row <= Phases; row++) FillRow(row, (double)row / Phases, ratio * Rolloff, halfWidth);
        }

        /// <summary>Output samples per <see cref="Down"/> input samples.</summary>
        public int Up { get; }

        /// <summary>Input samples per <see cref="Up"/> output samples.</summary>
        public int Down { get; }

        public int Taps { get; }

        /// <summary>Taps before the input sample an output is anchored at (the rest are after it, the lookahead).</summary>
        public int Before { get; }

        /// <summary>Input samples an output needs after the one it is anchored at.</summary>
        public int After => Taps - 1 - Before;

        public int Phases { get; }

        /// <summary><see cref="Phases"/> + 1 rows of <see cref="Taps"/> coefficients (the last row is phase 1.0).</summary>
        public float[] Coefficients { get; }

        private void FillRow(int row, double phase, double cutoff, double halfWidth)
        {
            int offset = row * Taps;
            double sum = 0;
            for (int k = 0; k < Taps; k++)
            {
                double d = phase + Before - k;   // distance from the output's time to tap k's input sample
                double w = cutoff * Sinc(cutoff * d) * Blackman(d / halfWidth);
                Coefficients[offset + k] = (float)w;
                sum += w;
            }
            for (int k = 0; k < Taps; k++) Coefficients[offset + k] = (float)(Coefficients[offset + k] / sum);
        }

        private static double Sinc(double x) => Math.Abs(x) < 1e-9 ? 1.0 : Math.Sin(Math.PI * x) / (Math.PI * x);

        /// <summary>The Blackman window over -1..1.</summary>
        private static double Blackman(double t)
        {
            if (t <= -1 || t >= 1) return 0;
            double a = Math.PI * (t + 1);
            return 0.42 - 0.5 * Math.Cos(a) + 0.08 * Math.Cos(2 * a);
        }

        private static int Gcd(int a, int b)
        {
            while (b != 0) (a, b) = (b, a % b);
            return a;
        }
    }
}
