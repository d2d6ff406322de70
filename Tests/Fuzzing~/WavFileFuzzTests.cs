using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using NUnit.Framework;
using VoiceNpc.Audio;
using VoiceNpc.Tests.Fuzzing.Harness;

namespace VoiceNpc.Tests.Fuzzing
{
    /// <summary>WAV input (<see cref="WavFile.DecodeAsPipelineAudio"/>): 16 kHz mono samples, or an <see cref="AudioFileException"/>.</summary>
    public class WavFileFuzzTests : ICorpus
    {
        public string Parser => "wav";
        public string Description => "WAV files (WavFile.DecodeAsPipelineAudio and ReadAsPipelineAudio): RIFF chunks, any PCM or float layout.";

        [Test]
        public void EveryMutatedWavDecodesOrIsRefused()
        {
            var seeds = Corpus.Load(Parser);
            new FuzzRun(Parser, bytes => WavFile.DecodeAsPipelineAudio(bytes, "fuzzed.wav"), typeof(AudioFileException))
                .Check(ByteMutator.Systematic(seeds), random => ByteMutator.Mutate(random, seeds));
        }

        [Test]
        public void EveryCorpusWavReadFromAFileDecodesOrIsRefused()
        {
            string path = Path.Combine(Path.GetTempPath(), $"voicenpc-fuzz-{Guid.NewGuid():N}.wav");
            try
            {
                var seeds = Corpus.Load(Parser);
                new FuzzRun(Parser + "-file", bytes => { File.WriteAllBytes(path, bytes); WavFile.ReadAsPipelineAudio(path); }, typeof(AudioFileException))
                    .Check(seeds, random => ByteMutator.Mutate(random, seeds), shareOfBudget: 0.25);
            }
            finally { File.Delete(path); }
        }

        [Test]
        public void AValidWavStillDecodesToItsSamples()
        {
            var samples = Enumerable.Range(0, 320).Select(i => (short)(i * 97 - 16000)).ToArray();
            Assert.That(WavFile.DecodeAsPipelineAudio(WavFile.Encode(samples), "round-trip.wav"), Is.EqualTo(samples));
        }

        public IEnumerable<CorpusEntry> Entries()
        {
            var tone = Enumerable.Range(0, 64).Select(i => (short)((i % 16 - 8) * 1500)).ToArray();   // exact arithmetic: the same bytes on every machine
            yield return new CorpusEntry("pcm16-mono-16k.wav", WavFile.Encode(tone), "16-bit mono at 16 kHz, the pipeline's own format (64 samples)");
            yield return Wav("pcm8-mono-8k.wav", 1, 8000, 1, 8, Frames(32, 1, 1), "8-bit unsigned mono at 8 kHz");
            yield return Wav("pcm24-stereo-48k.wav", 1, 48000, 2, 24, Frames(48, 2, 3), "24-bit stereo at 48 kHz");
            yield return Wav("pcm32-mono-44k.wav", 1, 44100, 1, 32, Frames(44, 1, 4), "32-bit integer mono at 44.1 kHz");
            yield return Wav("float32-mono-22k.wav", 3, 22050, 1, 32, Floats(22), "32-bit float mono at 22.05 kHz");
            yield return Wav("float64-stereo-16k.wav", 3, 16000, 2, 64, Doubles(32), "64-bit float stereo");
            yield return new CorpusEntry("extensible-pcm16.wav", Riff(Chunk("fmt ", Fmt(0xFFFE, 16000, 1, 16, extensibleTag: 1)), Chunk("data", Frames(16, 1, 2))),
                "WAVE_FORMAT_EXTENSIBLE whose sub-format is PCM");
            var info = Encoding.ASCII.GetBytes("INFOISFT\x03\0\0\0ab\0");   // 15 bytes: the chunk gets its pad byte
            yield return new CorpusEntry("list-then-data.wav", Riff(Chunk("fmt ", Fmt(1, 16000, 1, 16)), Chunk("LIST", info), Chunk("data", Frames(16, 1, 2))),
                "a LIST chunk (odd-sized, padded) between fmt and data");
            yield return new CorpusEntry("data-size-7fffffff.wav", Riff(Chunk("fmt ", Fmt(1, 16000, 1, 16)), Chunk("data", Frames(16, 1, 2), size: 0x7FFFFFFF)),
                "a data chunk claiming 0x7FFFFFFF bytes (body + size overflowed int): issue 11");
            yield return new CorpusEntry("fmt-size-7ffffff0.wav", Riff(Chunk("fmt ", Fmt(1, 16000, 1, 16), size: 0x7FFFFFF0), Chunk("data", Frames(16, 1, 2))),
                "a fmt chunk claiming 0x7FFFFFF0 bytes: issue 11");
            yield return new CorpusEntry("list-size-7ffffff8.wav", Riff(Chunk("fmt ", Fmt(1, 16000, 1, 16)), Chunk("LIST", new byte[4], size: 0x7FFFFFF8), Chunk("data", Frames(16, 1, 2))),
                "a LIST chunk claiming 0x7FFFFFF8 bytes: issue 11");
            yield return new CorpusEntry("list-size-7fffffff.wav", Riff(Chunk("fmt ", Fmt(1, 16000, 1, 16)), Chunk("LIST", new byte[4], size: 0x7FFFFFFF), Chunk("data", Frames(16, 1, 2))),
                "a LIST chunk claiming 0x7FFFFFFF bytes (odd: the pad byte overflows too)");
            yield return new CorpusEntry("fmt-size-ffffffff.wav", Riff(Chunk("fmt ", Fmt(1, 16000, 1, 16), size: unchecked((int)0xFFFFFFFF)), Chunk("data", Frames(16, 1, 2))),
                "a fmt chunk whose size is negative as an int32");
            yield return new CorpusEntry("zero-channels.wav", Riff(Chunk("fmt ", Fmt(1, 16000, 0, 16)), Chunk("data", Frames(16, 1, 2))), "a fmt chunk declaring 0 channels");
            yield return new CorpusEntry("max-channels-24bit.wav", Riff(Chunk("fmt ", Fmt(1, 16000, 65535, 24)), Chunk("data", Frames(16, 1, 2))),
                "65535 channels of 24 bits: one frame is larger than the data");
            yield return new CorpusEntry("rate-int32-min.wav", Riff(Chunk("fmt ", Fmt(1, int.MinValue, 1, 16)), Chunk("data", Frames(16, 1, 2))), "a sample rate of int32 min");
            yield return new CorpusEntry("data-before-fmt.wav", Riff(Chunk("data", Frames(16, 1, 2)), Chunk("fmt ", Fmt(1, 16000, 1, 16))), "the data chunk before the fmt chunk");
            yield return new CorpusEntry("empty-data.wav", Riff(Chunk("fmt ", Fmt(1, 16000, 1, 16)), Chunk("data", Array.Empty<byte>())), "a data chunk of zero bytes");
            yield return new CorpusEntry("riff-only.wav", Encoding.ASCII.GetBytes("RIFF\x04\0\0\0WAVE"), "a RIFF/WAVE header and nothing else");
        }

        private static CorpusEntry Wav(string name, ushort format, int rate, ushort channels, ushort bits, byte[] data, string meaning) =>
            new CorpusEntry(name, Riff(Chunk("fmt ", Fmt(format, rate, channels, bits)), Chunk("data", data)), meaning);

        private static byte[] Riff(params byte[][] chunks)
        {
            var body = Encoding.ASCII.GetBytes("WAVE").Concat(chunks.SelectMany(c => c)).ToArray();
            return Encoding.ASCII.GetBytes("RIFF").Concat(BitConverter.GetBytes(body.Length)).Concat(body).ToArray();
        }

        /// <summary>A chunk with its real size, or the claimed <paramref name="size"/>; odd bodies get their pad byte.</summary>
        private static byte[] Chunk(string id, byte[] body, int? size = null) =>
            Encoding.ASCII.GetBytes(id).Concat(BitConverter.GetBytes(size ?? body.Length)).Concat(body).Concat(body.Length % 2 == 1 ? new byte[1] : Array.Empty<byte>()).ToArray();

        private static byte[] Fmt(ushort format, int rate, ushort channels, ushort bits, ushort? extensibleTag = null)
        {
            var fmt = new List<byte>();
            fmt.AddRange(BitConverter.GetBytes(format));
            fmt.AddRange(BitConverter.GetBytes(channels));
            fmt.AddRange(BitConverter.GetBytes(rate));
            fmt.AddRange(BitConverter.GetBytes(rate * channels * bits / 8));
            fmt.AddRange(BitConverter.GetBytes((ushort)(channels * bits / 8)));
            fmt.AddRange(BitConverter.GetBytes(bits));
            if (extensibleTag is ushort tag)
            {
                fmt.AddRange(BitConverter.GetBytes((ushort)22));   // cbSize, valid bits, channel mask, then the sub-format GUID
                fmt.AddRange(BitConverter.GetBytes(bits));
                fmt.AddRange(BitConverter.GetBytes(4));
                fmt.AddRange(BitConverter.GetBytes(tag));
                fmt.AddRange(new byte[14]);
            }
            return fmt.ToArray();
        }

        private static byte[] Frames(int frames, int channels, int bytesPerSample) =>
            Enumerable.Range(0, frames * channels * bytesPerSample).Select(i => (byte)(i * 37)).ToArray();

        private static byte[] Floats(int count) => Enumerable.Range(0, count).SelectMany(i => BitConverter.GetBytes((i % 8 - 4) / 4f)).ToArray();

        private static byte[] Doubles(int count) => Enumerable.Range(0, count * 2).SelectMany(i => BitConverter.GetBytes((i % 5 - 2) / 2.0)).ToArray();
    }
}
