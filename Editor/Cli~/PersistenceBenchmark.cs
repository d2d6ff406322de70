using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using VoiceNpc.Caching;
using VoiceNpc.Characters;
using VoiceNpc.Memory;
using VoiceNpc.Tts;

namespace VoiceNpc.Cli
{
    /// <summary>Memory save/load for 1,000 turns, its size on disk, and how fast a cached line is ready to play.</summary>
    public static class PersistenceBenchmark
    {
        public static void Run()
        {
            string folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "voicenpc-bench-" + Guid.NewGuid().ToString("N"))).FullName;
            try
            {
                var store = new MemoryStore(Path.Combine(folder, "saves"));
                var memory = new NpcMemory("brenna-blacksmith", "player");
                for (int i = 0; i < 1000; i++) StressMemory.Grow(memory);
                var saves = Time(50, () => store.Save(memory));
                var loads = Time(50, () => store.Load(memory.CharacterId, memory.PlayerId));
                long bytes = new FileInfo(store.PathOf(memory.CharacterId, memory.PlayerId)).Length;

                var cache = new AudioCache(Path.Combine(folder, "cache"));
                var key = new AudioCacheKey("flite", new VoiceSettings("awb"), "Swords, axes and shields, all forged right here.");
                var line = new SpeechChunk(new short[16000 * 3], Enumerable.Range(0, 8).Select(i => new WordTiming("word", TimeSpan.FromMilliseconds(i * 300), TimeSpan.FromMilliseconds(i * 300 + 250))).ToList(), Array.Empty<PhoneTiming>());
                cache.Put(key, line);
                var hits = Time(200, () => cache.TryGet(key, out _));

                Console.WriteLine("Persistence (MessagePack, crash-safe writes with fsync):");
                Console.WriteLine($"  memory of 1,000 turns + 200 facts: save p50 {Percentiles.Of(saves, 50):0.00} ms, p99 {Percentiles.Of(saves, 99):0.00} ms; load p50 {Percentiles.Of(loads, 50):0.00} ms, p99 {Percentiles.Of(loads, 99):0.00} ms; {bytes:N0} bytes on disk ({bytes / 1000.0:0} per turn)");
                Console.WriteLine($"  audio cache hit (a 3 s line with alignment, {cache.SizeBytes:N0} bytes): lookup to first sample ready p50 {Percentiles.Of(hits, 50):0.00} ms, p99 {Percentiles.Of(hits, 99):0.00} ms");
            }
            finally
            {
                Directory.Delete(folder, recursive: true);
            }
        }

        private static System.Collections.Generic.List<double> Time(int runs, Action action)
        {
            action();   // warm: JIT and file cache
            var times = new System.Collections.Generic.List<double>();
            for (int i = 0; i < runs; i++)
            {
                var watch = Stopwatch.StartNew();
                action();
                times.Add(watch.Elapsed.TotalMilliseconds);
            }
            return times;
        }
    }
}
