using System;
using System.Collections.Generic;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using NUnit.Framework;
using VoiceNpc.Caching;
using VoiceNpc.Characters;
using VoiceNpc.Memory;
using VoiceNpc.Tracing;
using VoiceNpc.Tts;

namespace VoiceNpc.Tests.Fuzzing
{
    /// <summary>
    /// Property-based round trips (FsCheck, fixed replay seed so a failure reproduces): every valid memory, cache
    /// entry and trace record decodes to what was encoded, whatever its text, times and sizes.
    /// </summary>
    public class RoundTripProperties
    {
        private static readonly Config Runs = Config.QuickThrowOnFailure.WithMaxTest(200).WithReplay(11UL, 17UL);

        /// <summary>Text as players and NPCs write it: any mix of ASCII, accents, quotes, emoji, control characters.</summary>
        private static readonly Gen<string> Text =
            Gen.Elements("a", "Z", " ", "é", "Æ", "“", "”", "🗡", "😀", "\u0000", "\n", "\u001b", "日本", "ß", "'", "\"", "\\")
                .ListOf().Select(parts => string.Concat(parts));

        private static readonly Gen<long> AnyLong = ArbMap.Default.GeneratorFor<long>();

        private static readonly Gen<DateTimeOffset> Time =
            Gen.OneOf(
                AnyLong.Select(l => DateTimeOffset.FromUnixTimeMilliseconds(Within(l, DateTimeOffset.MinValue.ToUnixTimeMilliseconds(), DateTimeOffset.MaxValue.ToUnixTimeMilliseconds()))),
                Gen.Elements(DateTimeOffset.FromUnixTimeMilliseconds(DateTimeOffset.MinValue.ToUnixTimeMilliseconds()),
                    DateTimeOffset.FromUnixTimeMilliseconds(DateTimeOffset.MaxValue.ToUnixTimeMilliseconds()), DateTimeOffset.FromUnixTimeMilliseconds(0)));

        [Test]
        public void EveryValidMemoryRoundTrips()
        {
            var turn = from player in Text from npc in Text from interrupted in ArbMap.Default.GeneratorFor<bool>() from at in Time
                       select new RememberedTurn(player, npc, interrupted, at);
            var fact = from kind in Text from text in Text from at in Time from source in Text select new MemoryFact(kind, text, at, source);
            var memories = from character in Text from player in Text from summary in Text from summarized in ArbMap.Default.GeneratorFor<int>()
                           from savedAt in Time from turns in turn.ListOf() from facts in fact.ListOf()
                           select Memory(character, player, summary, summarized, savedAt, turns, facts);

            Prop.ForAll(memories.ToArbitrary(), memory =>
            {
                var read = NpcMemoryCodec.Decode(NpcMemoryCodec.Encode(memory), "generated.npcmemory");
                Assert.That((read.CharacterId, read.PlayerId, read.Summary, read.SummarizedTurns, read.SavedAt),
                    Is.EqualTo((memory.CharacterId, memory.PlayerId, memory.Summary, memory.SummarizedTurns, memory.SavedAt)));
                Assert.That(read.Turns.Select(t => (t.PlayerText, t.NpcText, t.Interrupted, t.At)), Is.EqualTo(memory.Turns.Select(t => (t.PlayerText, t.NpcText, t.Interrupted, t.At))));
                Assert.That(read.Facts.Select(f => (f.Kind, f.Text, f.At, f.Source)), Is.EqualTo(memory.Facts.Select(f => (f.Kind, f.Text, f.At, f.Source))));
            }).Check(Runs);
        }

        [Test]
        public void EveryValidCacheEntryRoundTrips()
        {
            var span = AnyLong.Select(TimeSpan.FromTicks);
            var word = from text in Text from start in span from end in span select new WordTiming(text, start, end);
            var phone = from text in Text from start in span from end in span select new PhoneTiming(text, start, end);
            var entries = from provider in Text from voice in Text from pitch in ArbMap.Default.GeneratorFor<float?>() from rate in ArbMap.Default.GeneratorFor<float>()
                          from text in Text from samples in ArbMap.Default.GeneratorFor<short[]>() from words in word.ListOf() from phones in phone.ListOf()
                          select (Key: new AudioCacheKey(provider, new VoiceSettings(voice, pitch, rate), text), Chunk: new SpeechChunk(samples, words.ToList(), phones.ToList()));

            Prop.ForAll(entries.ToArbitrary(), entry =>
            {
                var (key, chunk) = AudioCacheCodec.DecodeEntry(AudioCacheCodec.EncodeEntry(entry.Key, entry.Chunk), "generated.vnpca");
                Assert.That(key, Is.EqualTo(entry.Key));
                Assert.That(chunk.Samples, Is.EqualTo(entry.Chunk.Samples));
                Assert.That(chunk.Words, Is.EqualTo(entry.Chunk.Words));
                Assert.That(chunk.Phones, Is.EqualTo(entry.Chunk.Phones));
            }).Check(Runs);
        }

        [Test]
        public void EveryValidTraceRecordRoundTrips()
        {
            var value = Gen.OneOf(Gen.Constant<object?>(null), Text.Select(s => (object?)s), ArbMap.Default.GeneratorFor<bool>().Select(b => (object?)b),
                AnyLong.Select(l => (object?)l), ArbMap.Default.GeneratorFor<double>().Select(d => (object?)d));
            var field = from name in Text from v in value select (name, v);
            var records = from kind in Text from at in AnyLong from turn in ArbMap.Default.GeneratorFor<int>() from fields in field.ListOf()
                          select new TraceRecord(kind, TimeSpan.FromTicks(at), turn, fields.GroupBy(f => f.name).ToDictionary(g => g.Key, g => (object?)g.First().v));

            Prop.ForAll(records.ToArbitrary(), record =>
            {
                var read = TraceCodec.Decode(TraceCodec.Encode(record), "a generated record");
                Assert.That((read.Kind, read.At, read.Turn), Is.EqualTo((record.Kind, record.At, record.Turn)));
                Assert.That(read.Fields, Is.EquivalentTo(record.Fields));
            }).Check(Runs);
        }

        private static long Within(long value, long min, long max) => min + (long)((ulong)(value - long.MinValue) % (ulong)(max - min + 1));

        private static NpcMemory Memory(string character, string player, string summary, int summarized, DateTimeOffset savedAt,
            IEnumerable<RememberedTurn> turns, IEnumerable<MemoryFact> facts)
        {
            var memory = new NpcMemory(character, player) { Summary = summary, SummarizedTurns = summarized, SavedAt = savedAt };
            memory.Turns.AddRange(turns);
            memory.Facts.AddRange(facts);
            return memory;
        }
    }
}
