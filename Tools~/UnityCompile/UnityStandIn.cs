using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace VoiceNpc.Tools.UnityCompile
{
    /// <summary>Tests/UnityStandIn~ compiled as UnityEngine.dll and UnityEditor.dll (see its README).</summary>
    internal sealed record UnityStandIn(MetadataReference Engine, MetadataReference Editor)
    {
        public static UnityStandIn? Compile(string root, CompileInputs inputs, List<string> problems)
        {
            string folder = Path.Combine(root, "Tests", "UnityStandIn~");
            string shared = Path.Combine(folder, "CompileOnly.cs");
            var none = new string[0];
            var engine = SourceCompiler.Compile("UnityEngine", Sources(folder, "UnityEngine").Append(shared), none, inputs.NetStandard,
                false, NullableContextOptions.Disable, problems);
            if (engine == null) return null;
            var editor = SourceCompiler.Compile("UnityEditor", Sources(folder, "UnityEditor").Append(shared), none,
                inputs.NetStandard.Append(engine), false, NullableContextOptions.Disable, problems);
            return editor == null ? null : new UnityStandIn(engine, editor);
        }

        private static IEnumerable<string> Sources(string folder, string module) =>
            Directory.GetFiles(Path.Combine(folder, module), "*.cs", SearchOption.AllDirectories).OrderBy(f => f, System.StringComparer.Ordinal);
    }
}
