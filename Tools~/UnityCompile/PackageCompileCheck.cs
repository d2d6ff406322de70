using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace VoiceNpc.Tools.UnityCompile
{
    /// <summary>
    /// Compiles every asmdef of a package folder as Unity would, for the editor and for Linux x64 players on Mono and
    /// IL2CPP, and reports every problem: compiler errors and warnings, unresolved references, DLLs Unity would refuse.
    /// </summary>
    public static class PackageCompileCheck
    {
        /// <param name="emitTo">Where to write the compiled assemblies (a folder per target), or null to keep them in memory.</param>
        /// <returns>0 when every asmdef compiles for every target without a problem, else 1.</returns>
        public static int Run(string root, TextWriter output, TextWriter errors, string? emitTo = null)
        {
            var problems = new List<string>();
            var inputs = CompileInputs.Load();
            var layout = PackageLayout.Read(root, problems);
            var plugins = new PrecompiledPlugins(layout.Dlls, inputs.NetStandardNames, problems);
            var unity = UnityStandIn.Compile(root, inputs, problems);
            if (unity != null)
            {
                foreach (var target in CompileTarget.All)
                {
                    var compiled = new TargetCompiler(layout, plugins, inputs, unity, target, problems, emitTo).CompileAll();
                    output.WriteLine($"unity-compile {target.Name}: {string.Join(", ", compiled)}");
                }
            }
            var distinct = problems.Distinct().ToList();
            foreach (string problem in distinct) errors.WriteLine(problem.Replace(root + Path.DirectorySeparatorChar, ""));
            output.WriteLine(distinct.Count == 0
                ? $"unity-compile: {layout.AsmDefs.Count} asmdefs compile as Unity would compile them"
                : $"unity-compile: {distinct.Count} problems");
            return distinct.Count == 0 ? 0 : 1;
        }
    }
}
