using System.IO;
using VoiceNpc.FakeCloud;

namespace VoiceNpc.Cli
{
    /// <summary>The sample files the benchmarks use, found from the repository root.</summary>
    public static class BenchPaths
    {
        public static string Root => DevelopmentModels.Root;

        public static string Sample => Path.Combine(Root, "Samples~", "Blacksmith");
        public static string Character => Path.Combine(Sample, "brenna.character.json");
        public static string PlayerLines => Path.Combine(Sample, "player", "lines.json");
    }
}
