using System;
using System.IO;

namespace VoiceNpc.Tools.UnityCompile
{
    /// <summary>Usage: UnityCompile [package folder, default: the current folder]. Exits 1 with every problem found.</summary>
    public static class Program
    {
        public static int Main(string[] args) =>
            PackageCompileCheck.Run(Path.GetFullPath(args.Length > 0 ? args[0] : "."), Console.Out, Console.Error);
    }
}
