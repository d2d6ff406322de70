using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace VoiceNpc.Tools.UnityCompile
{
    /// <summary>
    /// Compiles every asmdef of the package folder (argument 1, default: the current folder) as Unity would, for the
    /// editor and for Linux x64 players on Mono and IL2CPP. Exits 1 with every problem found.
    /// </summary>
    public static class Program
    {
        public static int Main(string[] args)
        {
            string root = Path.GetFullPath(args.Length > 0 ? args[0] : ".");
            var problems = new List<string>();
            var inputs = CompileInputs.Load();
            var layout = PackageLayout.Read(root, problems);
            var plugins = new PrecompiledPlugins(layout.Dlls, inputs.NetStandardNames, problems);
            var unity = UnityStandIn.Compile(root, inputs, problems);
            if (unity != null)
            {
                foreach (var target in CompileTarget.All)
                {
                    var compiled = new TargetCompiler(layout, plugins, inputs, unity, target, problems).CompileAll();
                    Console.WriteLine($"unity-compile {target.Name}: {string.Join(", ", compiled)}");
                }
            }
            foreach (string problem in problems.Distinct()) Console.Error.WriteLine(problem.Replace(root + Path.DirectorySeparatorChar, ""));
            Console.WriteLine(problems.Count == 0
                ? $"unity-compile: {layout.AsmDefs.Count} asmdefs compile as Unity would compile them"
                : $"unity-compile: {problems.Distinct().Count()} problems");
            return problems.Count == 0 ? 0 : 1;
        }
    }
}
