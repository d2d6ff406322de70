using System;
using System.IO;
using System.Text;
using VoiceNpc.Storage;

namespace VoiceNpc.Audio
{
    /// <summary>
    /// Reads WAV files of any common layout (8/16/24/32-bit integer or 32/64-bit float PCM, any rate, any channel
    /// count) into the pipeline format, and writes pipeline audio as 16-bit mono WAV. What it reads is bounded: at
    /// most <see cref="MaxBytes"/> of file and <see cref="MaxSeconds"/> of audio, whatever the headers claim.
    /// </summary>
    public static class WavFile
    {
        /// <summary>The largest WAV read: five minutes of 48 kHz stereo 16-bit PCM fit.</summary>
        public const int MaxBytes = 64 * 1024 * 1024;

        /// <summary>The longest audio a WAV may hold (a player's turns, a recording to test with).</summary>
        public const int MaxSeconds = 300;

        private const ushort FormatPcm = 1, FormatFloat = 3, FormatExtensible = 0xFFFE;

        /// <summary>Reads <paramref name="path"/> (a file, a pipe or a FIFO) and converts it to 16 kHz mono; refuses non-audio and empty files.</summary>
        public static short[] ReadAsPipelineAudio(string path) =>
            DecodeAsPipelineAudio(BoundedRead.ReadAll(path, MaxBytes, "a WAV", problem => new AudioFileException(path, problem)), path);

        /// <summary>Converts WAV bytes (named <paramref name="name"/> in errors) to 16 kHz mono.</summary>
        public static short[] DecodeAsPipelineAudio(byte[] bytes, string name)
        {
            if (bytes.Length > MaxBytes) throw new AudioFileException(name, BoundedRead.TooLarge(MaxBytes, "a WAV"));
            var (samples, rate) = Decode(bytes, name);
            if (samples.Length == 0) throw new AudioFileException(name, "holds no audio samples (empty data chunk)");
            return Resampler.Resample(samples, rate, AudioFormat.SampleRate);
        }

        private static (short[] Mono, int Rate) Decode(byte[] bytes, string path)
        {
            if (bytes.Length < 12 || Ascii(bytes, 0) != "RIFF" || Ascii(bytes, 8) != "WAVE")
                throw new AudioFileException(path, "is not a WAV file (no RIFF/WAVE header)");
            int offset = 12;
            ushort format = 0, channels = 0, bits = 0;
            int rate = 0;
            bool haveFormat = false;
            while (offset <= bytes.Length - 8)
            {
                string id = Ascii(bytes, offset);
                int body = offset + 8;
                // Sizes are unsigned 32-bit: compared in 64 bits, so one near 2^32 cannot wrap past the end of the bytes.
                uint declared = BitConverter.ToUInt32(bytes, offset + 4);
                int size = declared > (uint)(bytes.Length - body) ? bytes.Length - body : (int)declared;   // tolerate a truncated last chunk
                if (id == "fmt ")
                {
                    if (size < 16) throw new AudioFileException(path, "has a fmt chunk that is too short");
                    format = BitConverter.ToUInt16(bytes, body);
                    channels = BitConverter.ToUInt16(bytes, body + 2);
                    rate = BitConverter.ToInt32(bytes, body + 4);
                    bits = BitConverter.ToUInt16(bytes, body + 14);
                    if (format == FormatExtensible && size >= 26) format = BitConverter.ToUInt16(bytes, body + 24);
                    haveFormat = true;
                }
                else if (id == "data")
                {
                    if (!haveFormat) throw new AudioFileException(path, "has its data chunk before the fmt chunk");
                    Check(path, format, channels, rate, bits);
                    long frames = size / (bits / 8 * channels);
                    if (frames > (long)MaxSeconds * rate)
                        throw new AudioFileException(path, $"holds {frames / rate} s of audio, more than the {MaxSeconds} s a WAV may hold");
                    return (ToMono(bytes, body, size, format, channels, bits), rate);
                }
                if (size >= bytes.Length - body) break;
                offset = body + size + (size & 1);
            }
            throw new AudioFileException(path, haveFormat ? "has no data chunk" : "has no fmt chunk");
        }

        private static void Check(string path, ushort format, ushort channels, int rate, ushort bits)
        {
            if (channels == 0) throw new AudioFileException(path, "declares 0 channels");
            if (rate < 4000 || rate > 384000) throw new AudioFileException(path, $"has an unsupported sample rate of {rate} Hz");
            bool ok = format == FormatPcm && (bits == 8 || bits == 16 || bits == 24 || bits == 32)
                      || format == FormatFloat && (bits == 32 || bits == 64);
            if (!ok) throw new AudioFileException(path, $"uses an unsupported encoding (format tag {format}, {bits} bits); use PCM or float WAV");
        }

        private static short[] ToMono(byte[] bytes, int start, int size, ushort format, int channels, int bits)
        {
            int bytesPerSample = bits / 8;
            int frames = size / (bytesPerSample * channels);
            var mono = new short[frames];
            for (int f = 0; f < frames; f++)
            {
                double sum = 0;
                for (int c = 0; c < channels; c++) sum += Sample(bytes, start + (f * channels + c) * bytesPerSample, format, bits);
                mono[f] = (short)Math.Max(short.MinValue, Math.Min(short.MaxValue, Math.Round(sum / channels * 32768)));
            }
            return mono;
        }

        /// <summary>One sample as -1..1.</summary>
        private static double Sample(byte[] b, int i, ushort format, int bits)
        {
            if (format == FormatFloat) return bits == 32 ? BitConverter.ToSingle(b, i) : BitConverter.ToDouble(b, i);
            switch (bits)
            {
                case 8: return (b[i] - 128) / 128.0;
                case 16: return BitConverter.ToInt16(b, i) / 32768.0;
                case 24: return ((b[i] << 8 | b[i + 1] << 16 | b[i + 2] << 24) >> 8) / 8388608.0;
                default: return BitConverter.ToInt32(b, i) / 2147483648.0;
            }
        }

        /// <summary>Writes 16 kHz mono 16-bit PCM.</summary>
        public static void Write(string path, ReadOnlySpan<short> samples)
        {
            using var stream = File.Create(path);
            Write(stream, samples);
        }

        /// <summary>16 kHz mono 16-bit PCM as WAV bytes (for uploads).</summary>
        public static byte[] Encode(ReadOnlySpan<short> samples)
        {
            using var stream = new MemoryStream();
            Write(stream, samples);
            return stream.ToArray();
        }

        private static void Write(Stream stream, ReadOnlySpan<short> samples)
        {
            using var writer = new BinaryWriter(stream, Encoding.ASCII, leaveOpen: true);
            int dataBytes = samples.Length * 2;
            writer.Write(Encoding.ASCII.GetBytes("RIFF"));
            writer.Write(36 + dataBytes);
            writer.Write(Encoding.ASCII.GetBytes("WAVEfmt "));
            writer.Write(16);
            writer.Write(FormatPcm);
            writer.Write((ushort)1);
            writer.Write(AudioFormat.SampleRate);
            writer.Write(AudioFormat.SampleRate * 2);
            writer.Write((ushort)2);
            writer.Write((ushort)16);
            writer.Write(Encoding.ASCII.GetBytes("data"));
            writer.Write(dataBytes);
            foreach (short s in samples) writer.Write(s);
        }

        private static string Ascii(byte[] bytes, int offset) =>
            offset + 4 <= bytes.Length ? Encoding.ASCII.GetString(bytes, offset, 4) : "";
    }
}
