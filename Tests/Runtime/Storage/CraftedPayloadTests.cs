using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using NUnit.Framework;
using VoiceNpc.Audio;
using VoiceNpc.Caching;
using VoiceNpc.Characters;
using VoiceNpc.Memory;
using VoiceNpc.Storage;
using VoiceNpc.Tests.Memory;
using VoiceNpc.Tests.Tracing;
using VoiceNpc.Tracing;
using VoiceNpc.Tts;

namespace VoiceNpc.Tests.Storage
{
    /// <summary>
    /// Crafted files, not damaged ones: payloads changed at random and framed again with a valid CRC, so every byte
    /// reaches the decoders. Each decoder gives its typed error or a value, never another exception.
    /// </summary>
    public class CraftedPayloadTests
    {
        private const int Rounds = 3000;

        /// <summary>The payload with a few random changes: bytes set to values that stress MessagePack (sizes, int64 markers) or any value.</summary>
        private static byte[] Mutate(byte[] payload, Random random)
        {
            var bytes = payload.ToArray();
            byte[] interesting = { 0x00, 0x7F, 0x80, 0xC0, 0xCC, 0xCD, 0xCE, 0xCF, 0xD0, 0xD3, 0xDC, 0xDD, 0xDE, 0xDF, 0xDB, 0xC6, 0xFF };
            for (int i = random.Next(1, 4); i > 0; i--)
            {
                int at = random.Next(bytes.Length);
                bytes[at] = random.Next(2) == 0 ? interesting[random.Next(interesting.Length)] : (byte)random.Next(256);
            }
            return bytes;
        }

        private static byte[] Payload(byte[] file) => file.AsSpan(Envelope.HeaderSize).ToArray();

        [Test]
        public void ACraftedMemoryIsAStoredFileExceptionOrAMemory()
        {
            var payload = Payload(NpcMemoryCodec.Encode(MemoryFiles.Sample(turns: 2)));
            var random = new Random(11);
            for (int round = 0; round < Rounds; round++)
            {
                var file = Envelope.Wrap('M', Mutate(payload, random));
                try { NpcMemoryCodec.Decode(file, "crafted.npcmemory"); }
                catch (StoredFileException e) { Assert.That(e.File, Is.EqualTo("crafted.npcmemory")); }
            }
        }

        [Test]
        public void ACraftedCacheEntryIsAStoredFileExceptionOrAnEntry()
        {
            var key = new AudioCacheKey("flite", new VoiceSettings("awb", 1.1f, 1), "Well met.");
            var chunk = new SpeechChunk(new short[64], new[] { new WordTiming("Well", TimeSpan.Zero, TimeSpan.FromMilliseconds(200)) },
                new[] { new PhoneTiming("w", TimeSpan.Zero, TimeSpan.FromMilliseconds(50)) });
            var payload = Payload(AudioCacheCodec.EncodeEntry(key, chunk));
            var index = Payload(AudioCacheCodec.EncodeIndex(new[] { new AudioCacheIndexEntry(key.Hash, 400, 1_700_000_000_000) }));
            var random = new Random(12);
            for (int round = 0; round < Rounds; round++)
            {
                try { AudioCacheCodec.DecodeEntry(Envelope.Wrap('A', Mutate(payload, random)), "entry"); }
                catch (StoredFileException) { }
                try { AudioCacheCodec.DecodeIndex(Envelope.Wrap('I', Mutate(index, random)), "index"); }
                catch (StoredFileException) { }
            }
        }

        [Test]
        public void ACraftedTraceRecordIsWhereReadingStops()
        {
            var record = TraceCodec.Encode(new TraceRecord("turn", TimeSpan.FromSeconds(3), 1, new Dictionary<string, object?>
            {
                ["player"] = "hello", ["end_of_speech"] = 10_000_000L, ["first_token"] = 12_000_000L, ["filler"] = false, ["rate"] = 1.5,
            }));
            string path = Path.Combine(Path.GetTempPath(), "voicenpc-crafted-" + Guid.NewGuid().ToString("N") + ".vnpctrace");
            var random = new Random(13);
            try
            {
                for (int round = 0; round < Rounds / 3; round++)
                {
                    using (var file = new FileStream(path, FileMode.Create))
                    {
                        file.Write(TraceWriter.Header);
                        for (int r = 0; r < 3; r++)
                        {
                            TraceFrames.Append(file, Mutate(record, random));
                        }
                    }
                    Assert.That(TraceFile.Read(path).Records.Count, Is.LessThanOrEqualTo(3));
                }
            }
            finally { File.Delete(path); }
        }

        [Test]
        public void ACraftedWavIsAnAudioFileExceptionOrAudio()
        {
            var wav = WavFile.Encode(Enumerable.Range(0, 800).Select(i => (short)(i * 40)).ToArray());
            var random = new Random(14);
            for (int round = 0; round < Rounds; round++)
            {
                var crafted = wav.ToArray();
                for (int i = random.Next(1, 4); i > 0; i--)
                {
                    int at = random.Next(4, 48);   // the header and chunk sizes, where the arithmetic is
                    crafted[at] = random.Next(3) == 0 ? (byte)0xFF : random.Next(2) == 0 ? (byte)0x7F : (byte)random.Next(256);
                }
                try { WavFile.DecodeAsPipelineAudio(crafted, "crafted.wav"); }
                catch (AudioFileException e) { Assert.That(e.Path, Is.EqualTo("crafted.wav")); }
            }
        }
    }
}
