using System;
using System.IO;
using System.Linq;
using System.Threading;
using NUnit.Framework;
using VoiceNpc.Audio;
using VoiceNpc.Caching;
using VoiceNpc.Characters;
using VoiceNpc.Conversation;
using VoiceNpc.Testing;
using VoiceNpc.Tests.Support;
using VoiceNpc.Tts;

namespace VoiceNpc.Tests.Caching
{
    public class AudioCacheTests
    {
        private string _folder = "";

        [SetUp]
        public void CreateFolder() => _folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "voicenpc-cache-" + Guid.NewGuid().ToString("N"))).FullName;

        [TearDown]
        public void RemoveFolder() => Directory.Delete(_folder, recursive: true);

        private static AudioCacheKey Key(string text, string voice = "awb", float rate = 1) => new AudioCacheKey("flite", new VoiceSettings(voice, null, rate), text);

        /// <summary>Speech whose every sample follows from its text, so a reader can tell a whole entry from a torn one.</summary>
        private static SpeechChunk Speech(string text, int samples = 8000)
        {
            short seed = (short)text.GetHashCode();
            var pcm = Enumerable.Range(0, samples).Select(i => (short)(seed + i)).ToArray();
            return new SpeechChunk(pcm, new[] { new WordTiming(text, TimeSpan.Zero, TimeSpan.FromMilliseconds(300)) },
                new[] { new PhoneTiming("aa", TimeSpan.FromMilliseconds(10), TimeSpan.FromMilliseconds(90)) });
        }

        [Test]
        public void ALineIsAMissThenAWholeHit()
        {
            var cache = new AudioCache(_folder);
            Assert.That(cache.TryGet(Key("Mind the sparks."), out _), Is.False);
            cache.Put(Key("Mind the sparks."), Speech("Mind the sparks."));

            Assert.That(cache.TryGet(Key("Mind the sparks."), out var hit), Is.True);
            Assert.That(hit.Samples, Is.EqualTo(Speech("Mind the sparks.").Samples));
            Assert.That(hit.Words.Single(), Is.EqualTo(new WordTiming("Mind the sparks.", TimeSpan.Zero, TimeSpan.FromMilliseconds(300))));
            Assert.That(hit.Phones.Single().Phone, Is.EqualTo("aa"));
            Assert.That(cache.TryGet(Key("Mind the sparks.", voice: "slt"), out _), Is.False, "another voice");
            Assert.That(cache.TryGet(Key("Mind the sparks.", rate: 1.2f), out _), Is.False, "another rate");
            Assert.That(cache.TryGet(Key("mind the sparks."), out _), Is.False, "another text");
        }

        [Test]
        public void TheLeastRecentlyUsedLineGoesFirstWhenFull()
        {
            long entry = new AudioCache(Path.Combine(_folder, "probe")).Measure(Key("a"), Speech("a"));
            var cache = new AudioCache(Path.Combine(_folder, "real"), capacityBytes: entry * 3);
            cache.Put(Key("a"), Speech("a"));
            cache.Put(Key("b"), Speech("b"));
            cache.Put(Key("c"), Speech("c"));
            Assert.That(cache.TryGet(Key("a"), out _), Is.True);   // a is now used more recently than b
            cache.Put(Key("d"), Speech("d"));

            Assert.That(cache.TryGet(Key("b"), out _), Is.False, "b was the least recently used");
            Assert.That(new[] { "a", "c", "d" }.All(t => cache.TryGet(Key(t), out _)), Is.True);
            Assert.That(cache.Count, Is.EqualTo(3));
            Assert.That(cache.SizeBytes, Is.LessThanOrEqualTo(cache.CapacityBytes));
            Assert.That(Directory.GetFiles(Path.Combine(_folder, "real", "entries")), Has.Length.EqualTo(3), "evicted files are deleted");
        }

        [Test]
        public void TheIndexOutlivesTheProcessAndKeepsTheOrder()
        {
            long entry = new AudioCache(Path.Combine(_folder, "probe")).Measure(Key("a"), Speech("a"));
            string folder = Path.Combine(_folder, "real");
            var first = new AudioCache(folder, entry * 2);
            first.Put(Key("a"), Speech("a"));
            first.Put(Key("b"), Speech("b"));
            first.TryGet(Key("a"), out _);
            first.Flush();

            var second = new AudioCache(folder, entry * 2);
            Assert.That(second.Count, Is.EqualTo(2));
            second.Put(Key("c"), Speech("c"));
            Assert.That(second.TryGet(Key("b"), out _), Is.False, "b was used least recently, in the earlier process");
            Assert.That(second.TryGet(Key("a"), out _), Is.True);
        }

        [Test]
        public void ADamagedEntryIsAMissAndIsDropped()
        {
            var cache = new AudioCache(_folder);
            cache.Put(Key("a"), Speech("a"));
            string file = Directory.GetFiles(Path.Combine(_folder, "entries")).Single();
            var bytes = File.ReadAllBytes(file);
            bytes[bytes.Length / 2] ^= 0xFF;
            File.WriteAllBytes(file, bytes);

            Assert.That(cache.TryGet(Key("a"), out _), Is.False);
            Assert.That(File.Exists(file), Is.False);
            Assert.That(cache.Count, Is.Zero);
        }

        /// <summary>A whole cache file (valid frame and CRC) whose payload is a map with a key beyond 32 bits.</summary>
        private static byte[] KeyBeyondInt32(char kind)
        {
            var buffer = new System.Buffers.ArrayBufferWriter<byte>();
            var w = new MessagePack.MessagePackWriter(buffer);
            w.WriteMapHeader(1);
            w.Write(1L << 40); w.Write("x");
            w.Flush();
            return VoiceNpc.Storage.Envelope.Wrap(kind, buffer.WrittenSpan);
        }

        [Test]
        public void AnEntryOrIndexWithAnIntegerBeyondItsTypeIsAMissNotACrash()
        {
            File.WriteAllBytes(Path.Combine(_folder, "index.vnpc"), KeyBeyondInt32('I'));
            var cache = new AudioCache(_folder);
            string entry = Path.Combine(_folder, "entries", Key("a").Hash + ".vnpca");
            File.WriteAllBytes(entry, KeyBeyondInt32('A'));

            Assert.That(cache.TryGet(Key("a"), out _), Is.False);
            Assert.That(File.Exists(entry), Is.False, "the damaged entry is dropped");
        }

        [Test]
        public void ReadersNeverSeeATornEntryWhileWritersAddAndEvict()
        {
            long entry = new AudioCache(Path.Combine(_folder, "probe")).Measure(Key("line 0"), Speech("line 0"));
            var cache = new AudioCache(Path.Combine(_folder, "real"), entry * 4);
            for (int i = 0; i < 4; i++) cache.Put(Key($"line {i}"), Speech($"line {i}"));
            int hits = 0, torn = 0, errors = 0;
            using var stop = new CancellationTokenSource();
            var readers = Enumerable.Range(0, 3).Select(r => new Thread(() =>
            {
                for (int i = 0; !stop.IsCancellationRequested; i++)
                {
                    string text = $"line {i % 12}";
                    try
                    {
                        // Reader 0 shares the writer's cache; the others open the folder afresh each time, like other processes.
                        var reader = r == 0 ? cache : new AudioCache(Path.Combine(_folder, "real"), entry * 4);
                        if (!reader.TryGet(Key(text), out var chunk)) continue;
                        Interlocked.Increment(ref hits);
                        if (!chunk.Samples.SequenceEqual(Speech(text).Samples)) Interlocked.Increment(ref torn);
                    }
                    catch (Exception) { Interlocked.Increment(ref errors); }
                }
            })).ToList();
            readers.ForEach(t => t.Start());
            for (int i = 4; i < 200; i++) cache.Put(Key($"line {i % 12}"), Speech($"line {i % 12}"));
            stop.Cancel();
            readers.ForEach(t => t.Join());

            Assert.That((torn, errors), Is.EqualTo((0, 0)));
            Assert.That(hits, Is.GreaterThan(0));
        }

        [Test]
        public void ALineSpokenAgainInALaterConversationComesFromTheCache()
        {
            var cache = new AudioCache(_folder);
            var first = new ConversationHarness("what do you sell") { Cache = cache };
            first.Run(new PlayerScript(new[] { ConversationHarness.Speech(0.6) }), 1);
            var second = new ConversationHarness("what do you sell") { Cache = new AudioCache(_folder) };
            second.Run(new PlayerScript(new[] { ConversationHarness.Speech(0.6) }), 1);

            var before = first.Of<TurnCompleted>().Single().Metrics;
            var again = second.Of<TurnCompleted>().Single().Metrics;
            Assert.That(before.TtsProvider, Is.EqualTo("tone-tts"));
            Assert.That(again.TtsProvider, Is.EqualTo("cache"));
            Assert.That(again.NpcText, Is.EqualTo(before.NpcText));
            Assert.That(second.Tts.Spoken, Is.Empty, "no provider call: neither the reply nor the fillers");
            Assert.That(first.Tts.Spoken, Is.Not.Empty);
        }
    }
}
