using System;
using System.IO;
using System.Linq;
using System.Text;
using NUnit.Framework;
using VoiceNpc.Audio;

namespace VoiceNpc.Tests.Audio
{
    public class WavFileTests
    {
        /// <summary>A RIFF/WAVE file made of the given chunks (id, declared size, body), as a crafted file would be.</summary>
        private static byte[] Riff(params (string Id, uint Size, byte[] Body)[] chunks)
        {
            using var stream = new MemoryStream();
            using var writer = new BinaryWriter(stream);
            writer.Write(Encoding.ASCII.GetBytes("RIFF"));
            writer.Write(0u);
            writer.Write(Encoding.ASCII.GetBytes("WAVE"));
            foreach (var (id, size, body) in chunks)
            {
                writer.Write(Encoding.ASCII.GetBytes(id));
                writer.Write(size);
                writer.Write(body);
            }
            writer.Flush();
            return stream.ToArray();
        }

        private static byte[] Format(ushort channels = 1, int rate = 16000, ushort bits = 16)
        {
            var body = new byte[16];
            BitConverter.GetBytes((ushort)1).CopyTo(body, 0);
            BitConverter.GetBytes(channels).CopyTo(body, 2);
            BitConverter.GetBytes(rate).CopyTo(body, 4);
            BitConverter.GetBytes(rate * channels * bits / 8).CopyTo(body, 8);
            BitConverter.GetBytes((ushort)(channels * bits / 8)).CopyTo(body, 12);
            BitConverter.GetBytes(bits).CopyTo(body, 14);
            return body;
        }

        private static byte[] Pcm(int samples) => Enumerable.Range(0, samples).SelectMany(i => BitConverter.GetBytes((short)(i * 7))).ToArray();

        [Test]
        public void ADataChunkThatClaimsNearly2GiBIsReadAsFarAsItGoes()
        {
            foreach (uint size in new[] { 0x7FFFFFFFu, 0x7FFFFFF0u, 0xFFFFFFFFu })
            {
                var wav = Riff(("fmt ", 16, Format()), ("data", size, Pcm(1600)));
                Assert.That(WavFile.DecodeAsPipelineAudio(wav, "cut.wav"), Has.Length.EqualTo(1600), $"data size 0x{size:X8}");
            }
        }

        [TestCase("fmt ")]
        [TestCase("LIST")]
        public void AChunkThatClaimsNearly2GiBIsATypedError(string id)
        {
            foreach (uint size in new[] { 0x7FFFFFF0u, 0x7FFFFFF8u, 0x7FFFFFFFu, 0xFFFFFFF0u })
            {
                var wav = id == "fmt " ? Riff(("fmt ", size, Format()), ("data", 3200, Pcm(1600))) : Riff(("LIST", size, new byte[40]), ("fmt ", 16, Format()));
                var error = Assert.Throws<AudioFileException>(() => WavFile.DecodeAsPipelineAudio(wav, "crafted.wav"), $"{id} size 0x{size:X8}");
                Assert.That(error!.Message, Does.StartWith("crafted.wav: has no"));
            }
        }

        [Test]
        public void AudioLongerThanAWavMayHoldIsRefused()
        {
            var body = new byte[4000 * (WavFile.MaxSeconds + 1)];
            var wav = Riff(("fmt ", 16, Format(rate: 4000, bits: 8)), ("data", (uint)body.Length, body));
            var error = Assert.Throws<AudioFileException>(() => WavFile.DecodeAsPipelineAudio(wav, "long.wav"));
            Assert.That(error!.Message, Is.EqualTo($"long.wav: holds {WavFile.MaxSeconds + 1} s of audio, more than the {WavFile.MaxSeconds} s a WAV may hold"));
        }

        [Test]
        public void AnEndlessDeviceIsReadOnlyUpToTheLimit()
        {
            if (!File.Exists("/dev/zero")) Assert.Ignore("no /dev/zero here");
            var error = Assert.Throws<AudioFileException>(() => WavFile.ReadAsPipelineAudio("/dev/zero"));
            Assert.That(error!.Message, Is.EqualTo("/dev/zero: holds more than 64 MiB, the most a WAV may be"));
        }

        [Test]
        public void AFifoIsReadToItsEnd()
        {
            if (!File.Exists("/usr/bin/mkfifo")) Assert.Ignore("no mkfifo here");
            string fifo = Path.Combine(Path.GetTempPath(), "voicenpc-fifo-" + Guid.NewGuid().ToString("N"));
            System.Diagnostics.Process.Start("/usr/bin/mkfifo", fifo)!.WaitForExit();
            var samples = Enumerable.Range(0, 48_000).Select(i => (short)(i % 3000)).ToArray();
            try
            {
                // A FIFO announces no length and delivers in pieces; the writer blocks until the reader opens it.
                var writer = new System.Threading.Thread(() => File.WriteAllBytes(fifo, WavFile.Encode(samples)));
                writer.Start();
                Assert.That(WavFile.ReadAsPipelineAudio(fifo), Is.EqualTo(samples));
                writer.Join();
            }
            finally { File.Delete(fifo); }
        }

        [Test]
        public void AFolderIsRefusedByName()
        {
            string folder = Path.GetTempPath();
            var error = Assert.Throws<AudioFileException>(() => WavFile.ReadAsPipelineAudio(folder));
            Assert.That(error!.Message, Is.EqualTo(folder + ": is a folder, not a file"));
        }

        [Test]
        public void AWrittenFileReadsBack()
        {
            var samples = Enumerable.Range(0, 3200).Select(i => (short)(i * 5)).ToArray();
            Assert.That(WavFile.DecodeAsPipelineAudio(WavFile.Encode(samples), "round.wav"), Is.EqualTo(samples));
        }
    }
}
