using System;

namespace VoiceNpc.Audio
{
    /// <summary>
    /// Converts whole PCM clips between sample rates with a windowed-sinc (Blackman) filter. Used off the audio pump:
    /// on input files and on synthesized clips, where one allocation per clip is fine.
    /// </summary>
    public static class Resampler
    {
        private const int HalfTaps = 16;

        public static short[] Resample(ReadOnlySpan<short> input, int fromRate, int toRate)
        {
            if (fromRate <= 0) throw new ArgumentOutOfRangeException(nameof(fromRate), fromRate, "sample rate must be positive");
            if (toRate <= 0) throw new ArgumentOutOfRangeException(nameof(toRate), toRate, "sample rate must be positive");
            if (fromRate == toRate) return input.ToArray();

            long outputLength = (long)input.Length * toRate / fromRate;
            var output = new short[outputLength];
            double step = (double)fromRate / toRate;
            // Below the lower Nyquist frequency, so downsampling does not alias.
            double cutoff = Math.Min(1.0, (double)toRate / fromRate);
            for (long i = 0; i < outputLength; i++)
            {
                double center = i * step;
                int first = (int)Math.Floor(center) - HalfTaps + 1;
                double sum = 0, weight = 0;
                for (int k = first; k < first + 2 * HalfTaps; k++)
                {
                    double x = center - k;
                    double w = Kernel(x * cutoff) * Blackman(x / HalfTaps);
                    weight += w;
                    if (k >= 0 && k < input.Length) sum += input[k] * w;
                }
                output[i] = Clamp(weight == 0 ? 0 : sum / weight);
            }
            return output;
        }

        private static double Kernel(double x) => Math.Abs(x) < 1e-9 ? 1.0 : Math.Sin(Math.PI * x) / (Math.PI * x);

        private static double Blackman(double t)
        {
            if (t <= -1 || t >= 1) return 0;
            double a = Math.PI * (t + 1);
            return 0.42 - 0.5 * Math.Cos(a) + 0.08 * Math.Cos(2 * a);
        }

        private static short Clamp(double value) =>
            (short)Math.Max(short.MinValue, Math.Min(short.MaxValue, Math.Round(value)));
    }
}
