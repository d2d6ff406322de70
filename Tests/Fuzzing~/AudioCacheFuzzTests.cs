using System;
using System.Collections.Generic;
using System.Linq;
using MessagePack;
using NUnit.Framework;
using VoiceNpc.Caching;
using VoiceNpc.Characters;
using VoiceNpc.Storage;
using VoiceNpc.Tests.Fuzzing.Harness;
using VoiceNpc.Tts;

namespace VoiceNpc.Tests.Fuzzing
{
    /// <summary>Audio cache entries and index (<see cref="AudioCacheCodec"/>): decoded, or a <see cref="StoredFileException"/>.</summary>
    public class AudioCacheFuzzTests : ICorpus
    {
        public string Parser => "audio-cache";
        public string Description => "Audio cache files (AudioCacheCodec): entries ('A': key, PCM, word and phone timings) and the index ('I').";

        [Test]
        public void EveryMutatedEntryDecodesOrIsNamedDamaged()
        {
            var inputs = new EnvelopeInputs('A', Corpus.Load(Parser).Where(f => f.Length > 4 && f[4] == 'A'));
            new FuzzRun(Parser + "-entry", DecodeEntryAndRoundTrip, typeof(StoredFileException)).Check(inputs.Systematic(), inputs.Mutate);
        }

        [Test]
        public void EveryMutatedIndexDecodesOrIsNamedDamaged()
        {
            var inputs = new EnvelopeInputs('I', Corpus.Load(Parser).Where(f => f.Length > 4 && f[4] == 'I'));
            new FuzzRun(Parser + "-index", file => AudioCacheCodec.DecodeIndex(file, "fuzzed.index"), typeof(StoredFileException)).Check(inputs.Systematic(), inputs.Mutate);
        }

        private static void DecodeEntryAndRoundTrip(byte[] file)
        {
            var (key, chunk) = AudioCacheCodec.DecodeEntry(file, "fuzzed.vnpca");
            var once = AudioCacheCodec.EncodeEntry(key, chunk);
            var (key2, chunk2) = AudioCacheCodec.DecodeEntry(once, "re-encoded.vnpca");
            if (!AudioCacheCodec.EncodeEntry(key2, chunk2).SequenceEqual(once)) throw new AssertionException("a decoded entry does not survive a round trip");
        }

        public IEnumerable<CorpusEntry> Entries()
        {
            var key = new AudioCacheKey("flite", new VoiceSettings("awb", 120f, 1.1f), "Swords, mostly.");
            var chunk = new SpeechChunk(Enumerable.Range(0, 40).Select(i => (short)(i * 800 - 16000)).ToArray(),
                new[] { new WordTiming("Swords,", TimeSpan.Zero, TimeSpan.FromMilliseconds(400)), new WordTiming("mostly.", TimeSpan.FromMilliseconds(450), TimeSpan.FromMilliseconds(900)) },
                new[] { new PhoneTiming("s", TimeSpan.Zero, TimeSpan.FromMilliseconds(80)), new PhoneTiming("pau", TimeSpan.FromMilliseconds(400), TimeSpan.FromMilliseconds(450)) });
            yield return new CorpusEntry("entry-valid.vnpca", AudioCacheCodec.EncodeEntry(key, chunk), "a valid entry: key, 40 samples, two words, two phones");
            yield return new CorpusEntry("entry-no-pitch.vnpca", AudioCacheCodec.EncodeEntry(key with { Voice = new VoiceSettings("kal") }, chunk with { Words = Array.Empty<WordTiming>() }),
                "a valid entry with a nil pitch and no words");
            yield return Entry("entry-odd-pcm.vnpca", (ref MessagePackWriter w) => { w.WriteMapHeader(1); w.Write(5); w.Write(new byte[] { 1, 2, 3 }); }, "PCM of an odd byte count");
            yield return Entry("entry-forged-bin.vnpca", (ref MessagePackWriter w) => { w.WriteMapHeader(1); w.Write(5); w.WriteRaw(new byte[] { 0xc6, 0x7f, 0xff, 0xff, 0xff, 0 }); },
                "PCM whose bin32 header claims 2^31-1 bytes");
            yield return Entry("entry-timing-extremes.vnpca", (ref MessagePackWriter w) =>
            {
                w.WriteMapHeader(1); w.Write(6); w.WriteArrayHeader(2);
                w.WriteArrayHeader(3); w.Write("a"); w.Write(long.MinValue); w.Write(long.MaxValue);
                w.WriteArrayHeader(4); w.Write("b"); w.Write(0); w.Write(ulong.MaxValue); w.Write("extra");
            }, "word times at the int64 extremes, one beyond int64, one timing with an extra field");
            yield return Entry("entry-timing-short.vnpca", (ref MessagePackWriter w) => { w.WriteMapHeader(1); w.Write(7); w.WriteArrayHeader(1); w.WriteArrayHeader(1); w.Write("p"); },
                "a phone timing array with one of its three fields");
            yield return Entry("entry-nan-rate.vnpca", (ref MessagePackWriter w) => { w.WriteMapHeader(2); w.Write(2); w.Write(float.NaN); w.Write(3); w.Write(double.PositiveInfinity); },
                "a NaN pitch and an infinite (float64) rate");
            yield return Entry("entry-unknown-key.vnpca", (ref MessagePackWriter w) => { w.WriteMapHeader(1); w.Write(1L << 40); w.Write(1); }, "a key beyond int32");
            var index = new[] { new AudioCacheIndexEntry("ab12", 4096, 638000000000000000), new AudioCacheIndexEntry("cd34", 10, 0) };
            yield return new CorpusEntry("index-valid.vnpci", AudioCacheCodec.EncodeIndex(index), "a valid index of two entries");
            yield return Index("index-forged-count.vnpci", (ref MessagePackWriter w) => { w.WriteMapHeader(1); w.Write(1); w.WriteArrayHeader(int.MaxValue); }, "an index claiming 2^31-1 entries");
            yield return Index("index-short-entry.vnpci", (ref MessagePackWriter w) => { w.WriteMapHeader(1); w.Write(1); w.WriteArrayHeader(1); w.WriteArrayHeader(1); w.Write("ab"); },
                "an index entry with one of its three fields");
            yield return Index("index-uint64-size.vnpci", (ref MessagePackWriter w) =>
            {
                w.WriteMapHeader(1); w.Write(1); w.WriteArrayHeader(1);
                w.WriteArrayHeader(3); w.Write("ab"); w.Write(ulong.MaxValue); w.Write(-1);
            },
                "an index entry whose size is beyond int64");
        }

        private static CorpusEntry Entry(string name, MessagePackBytes.Write payload, string meaning) => new CorpusEntry(name, Envelope.Wrap('A', MessagePackBytes.Of(payload)), meaning);

        private static CorpusEntry Index(string name, MessagePackBytes.Write payload, string meaning) => new CorpusEntry(name, Envelope.Wrap('I', MessagePackBytes.Of(payload)), meaning);
    }
}
