using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace VoiceNpc.Tools.UnityCompile
{
    /// <summary>
    /// Roslyn at C# 9 (Unity 2022.3's and Unity 6's language version) with the warnings Unity suppresses by default
    /// (PlayerSettings.suppressCommonWarnings: UnityCsReference 2022.3 Editor/Mono/Scripting/ScriptCompilation/
    /// EditorCompilation.cs). Any other warning counts as a problem: it would show in every user's console.
    /// </summary>
    internal static class SourceCompiler
    {
        private static readonly string[] UnitySuppressed = { "CS0169", "CS0649", "CS0282", "CS1701", "CS1702" };

        /// <returns>The assembly's image (to reference and, with <paramref name="emitTo"/>, written there), or null on a problem.</returns>
        public static MetadataReference? Compile(string assemblyName, IEnumerable<string> sources, IEnumerable<string> defines,
            IEnumerable<MetadataReference> references, bool allowUnsafe, NullableContextOptions nullable, List<string> problems,
            string? emitTo = null)
        {
            var parse = new CSharpParseOptions(LanguageVersion.CSharp9, preprocessorSymbols: defines);
            var trees = sources.Select(s => CSharpSyntaxTree.ParseText(File.ReadAllText(s), parse, s)).ToList();
            var options = new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, allowUnsafe: allowUnsafe,
                    nullableContextOptions: nullable, optimizationLevel: OptimizationLevel.Release, deterministic: true)
                .WithSpecificDiagnosticOptions(UnitySuppressed.ToDictionary(id => id, _ => ReportDiagnostic.Suppress));
            var compilation = CSharpCompilation.Create(assemblyName, trees, references, options);
            using var image = new MemoryStream();
            var result = compilation.Emit(image);
            var reported = result.Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
            problems.AddRange(reported.Select(d => $"{assemblyName}: {d}"));
            if (!result.Success || reported.Count > 0) return null;
            if (emitTo != null)
            {
                Directory.CreateDirectory(emitTo);
                File.WriteAllBytes(Path.Combine(emitTo, assemblyName + ".dll"), image.ToArray());
            }
            return MetadataReference.CreateFromImage(image.ToArray());
        }
    }
}
