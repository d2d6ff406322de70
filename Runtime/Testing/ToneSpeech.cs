using System;

namespace VoiceNpc.Testing
{
    /// <summary>Speech-like test audio: a tone with a syllable-rate envelope, loud enough for any VAD.</summary>
    public static class ToneSpeech
    {
        public static short[] Make(TimeSpan duration, double frequency = 220, double amplitude = 0.3)
        {
            int count = (int)Audio.AudioFormat.SamplesIn(duration);
            var samples = new short[count];
            for (int i = 0; i < count; i++)
            {
                double t = (double)i / Audio.AudioFormat.SampleRate;
                double envelope = 0.6 + 0.4 * Math.Sin(2 * Math.PI * 4 * t);
                samples[i] = (short)(amplitude * envelope * 32767 * Math.Sin(2 * Math.PI * frequency * t));
            }
            return samples;
        }
    }
}
