using System;

namespace VoiceNpc.Tests.Support
{
    /// <summary>Measurements of test signals: a sine's amplitude at one frequency (Goertzel), RMS, sines to feed in.</summary>
    public static class Signal
    {
        /// <summary>The amplitude of the component at <paramref name="frequency"/> (exact for whole cycles in the span).</summary>
        public static double AmplitudeAt(ReadOnlySpan<float> samples, double frequency, int sampleRate)
        {
            double w = 2 * Math.PI * frequency / sampleRate;
            double coefficient = 2 * Math.Cos(w), s1 = 0, s2 = 0;
            for (int i = 0; i < samples.Length; i++)
            {
                double s = samples[i] + coefficient * s1 - s2;
                s2 = s1;
                s1 = s;
            }
            double power = s1 * s1 + s2 * s2 - coefficient * s1 * s2;
            return 2 * Math.Sqrt(Math.Max(0, power)) / samples.Length;
        }

        public static double Rms(ReadOnlySpan<float> samples)
        {
            double sum = 0;
            foreach (float s in samples) sum += s * s;
            return samples.Length == 0 ? 0 : Math.Sqrt(sum / samples.Length);
        }

        /// <summary>Zero crossings upward per second: a sine's frequency.</summary>
        public static double Frequency(ReadOnlySpan<float> samples, int sampleRate)
        {
            int first = -1, last = -1, crossings = 0;
            for (int i = 1; i < samples.Length; i++)
            {
                if (samples[i - 1] >= 0 || samples[i] < 0) continue;
                if (first < 0) first = i;
                else crossings++;
                last = i;
            }
            return crossings == 0 ? 0 : crossings * (double)sampleRate / (last - first);
        }

        public static float[] Sine(int count, double frequency, int sampleRate, double amplitude, int channels = 1)
        {
            var samples = new float[count * channels];
            for (int i = 0; i < count; i++)
            {
                float value = (float)(amplitude * Math.Sin(2 * Math.PI * frequency * i / sampleRate));
                for (int c = 0; c < channels; c++) samples[i * channels + c] = value;
            }
            return samples;
        }

        public static short[] SinePcm(int count, double frequency, double amplitude)
        {
            var samples = new short[count];
            for (int i = 0; i < count; i++)
            {
                double t = (double)i / global::VoiceNpc.Audio.AudioFormat.SampleRate;
                samples[i] = (short)Math.Round(amplitude * 32767 * Math.Sin(2 * Math.PI * frequency * t));
            }
            return samples;
        }

        /// <summary>
        /// Runs of sound (a sample above <paramref name="threshold"/> in every 2 ms window) separated by at least
        /// <paramref name="minimumGapMs"/> of silence, as [start, end) sample indices.
        /// </summary>
        public static System.Collections.Generic.List<(int Start, int End)> Bursts(float[] samples, int sampleRate, float threshold = 0.02f,
            int minimumGapMs = 20)
        {
            var bursts = new System.Collections.Generic.List<(int, int)>();
            int gap = minimumGapMs * sampleRate / 1000, start = -1, lastLoud = -1;
            for (int i = 0; i < samples.Length; i++)
            {
                if (Math.Abs(samples[i]) <= threshold) continue;
                if (start >= 0 && i - lastLoud > gap) { bursts.Add((start, lastLoud + 1)); start = -1; }
                if (start < 0) start = i;
                lastLoud = i;
            }
            if (start >= 0) bursts.Add((start, lastLoud + 1));
            return bursts;
        }

        /// <summary>One channel of an interleaved buffer.</summary>
        public static float[] Channel(ReadOnlySpan<float> interleaved, int channels, int channel)
        {
            var samples = new float[interleaved.Length / channels];
            for (int i = 0; i < samples.Length; i++) samples[i] = interleaved[i * channels + channel];
            return samples;
        }
    }
}
