using System;
using System.IO;
using System.Text;

namespace VoiceNpc.FakeCloud
{
    /// <summary>
    /// The audio encodings the fakes produce offline from pipeline audio (16 kHz mono 16-bit): raw PCM (16-bit
    /// little-endian), G.711 µ-law and WAV, at any sample rate. Compressed formats (MP3, Opus, AAC, FLAC) need an
    /// encoder the package does not ship, so the fakes refuse them in the vendor's error shape.
    /// </summary>
    internal enum AudioEncoding { Pcm, MuLaw, Wav }

    internal static class ServiceAudio
    {
        public const int WavHeaderBytes = 44;

        public static byte[] Encode(short[] pipelineAudio, int rate, AudioEncoding encoding)
        {
            var samples = Audio.Resampler.Resample(pipelineAudio, Audio.AudioFormat.SampleRate, rate);
            return encoding switch
            {
                AudioEncoding.MuLaw => MuLaw(samples),
                AudioEncoding.Wav => Wav(samples, rate),
                _ => Pcm(samples),
            };
        }

        public static int BytesPerSample(AudioEncoding encoding) => encoding == AudioEncoding.MuLaw ? 1 : 2;

        public static int HeaderBytes(AudioEncoding encoding) => encoding == AudioEncoding.Wav ? WavHeaderBytes : 0;

        public static string ContentType(AudioEncoding encoding) => encoding switch
        {
            AudioEncoding.MuLaw => "audio/basic",
            AudioEncoding.Wav => "audio/wav",
            _ => "audio/pcm",
        };

        private static byte[] Pcm(short[] samples)
        {
            var bytes = new byte[samples.Length * 2];
            Buffer.BlockCopy(samples, 0, bytes, 0, bytes.Length);
            return bytes;
        }

        private static byte[] Wav(short[] samples, int rate)
        {
            using var stream = new MemoryStream();
            using var writer = new BinaryWriter(stream, Encoding.ASCII);
            writer.Write(Encoding.ASCII.GetBytes("RIFF"));
            writer.Write(36 + samples.Length * 2);
            writer.Write(Encoding.ASCII.GetBytes("WAVEfmt "));
            writer.Write(16);
            writer.Write((ushort)1);   // PCM
            writer.Write((ushort)1);   // mono
            writer.Write(rate);
            writer.Write(rate * 2);
            writer.Write((ushort)2);
            writer.Write((ushort)16);
            writer.Write(Encoding.ASCII.GetBytes("data"));
            writer.Write(samples.Length * 2);
            writer.Write(Pcm(samples));
            writer.Flush();
            return stream.ToArray();
        }

        /// <summary>G.711 µ-law: a sign bit, a 3-bit exponent and a 4-bit mantissa of the biased magnitude, inverted.</summary>
        private static byte[] MuLaw(short[] samples)
        {
            const int Bias = 0x84, Clip = 32635;
            var bytes = new byte[samples.Length];
            for (int i = 0; i < samples.Length; i++)
            {
                int sample = samples[i], sign = (sample >> 8) & 0x80;
                if (sign != 0) sample = -sample;
                sample = Math.Min(sample, Clip) + Bias;
                int exponent = 7;
                for (int mask = 0x4000; (sample & mask) == 0 && exponent > 0; mask >>= 1) exponent--;
                int mantissa = (sample >> (exponent + 3)) & 0x0F;
                bytes[i] = (byte)~(sign | (exponent << 4) | mantissa);
            }
            return bytes;
        }
    }
}
