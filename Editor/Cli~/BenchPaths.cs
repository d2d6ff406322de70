using System;
using System.IO;

namespace VoiceNpc.Cli
{
    /// <summary>The sample files the benchmarks use, found from the repository root.</summary>
    public static class BenchPaths
    {
        public static string Root
        {
            get
            {
                var dir = new DirectoryInfo(AppContext.BaseDirectory);
                while (dir != null && !File.Exists(Path.Combine(dir.FullName, "package.json"))) dir = dir.Parent;
                return dir?.FullName ?? Directory.GetCurrentDirectory();
            }
        }

        public static string Sample => Path.Combine(Root, "Samples~", "Blacksmith");
        public static string Character => Path.Combine(Sample, "brenna.character.json");
        public static string PlayerLines => Path.Combine(Sample, "player", "lines.json");
    }
}
