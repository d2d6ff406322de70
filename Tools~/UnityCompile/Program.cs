using System;
using System.IO;

namespace VoiceNpc.Tools.UnityCompile
{
    /// <summary>
    /// Usage: UnityCompile [package folder, default: the current folder] [--emit FOLDER]. Exits 1 with every problem found.
    /// --emit writes the compiled assemblies to FOLDER/&lt;target&gt;/ (the Mono test run uses the editor's).
    /// </summary>
    public static class Program
    {
        public static int Main(string[] args)
        {
            int emit = Array.IndexOf(args, "--emit");
            string? emitTo = emit >= 0 && emit + 1 < args.Length ? Path.GetFullPath(args[emit + 1]) : null;
            string root = args.Length > 0 && emit != 0 ? args[0] : ".";
            return PackageCompileCheck.Run(Path.GetFullPath(root), Console.Out, Console.Error, emitTo);
        }
    }
}
