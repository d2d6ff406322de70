using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace VoiceNpc.Tools.UnityCompile
{
    /// <summary>
    /// Tests/UnityStandIn~ compiled as UnityEngine.dll and UnityEditor.dll (see its README), and the assemblies of the
    /// Unity packages our asmdefs reference by name (<see cref="InstalledPackages"/>), each from its folder there.
    /// </summary>
    internal sealed record UnityStandIn(MetadataReference Engine, MetadataReference Editor, IReadOnlyDictionary<string, MetadataReference> Packages)
    {
        /// <summary>Package assemblies, each compiled against UnityEngine, NUnit and the ones before it.</summary>
        private static readonly string[] PackageAssemblies =
            { "UnityEngine.UI", "Unity.TextMeshPro", "UnityEngine.TestRunner", "UnityEditor.TestRunner" };

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
            if (editor == null) return null;
            var packages = new Dictionary<string, MetadataReference>();
            foreach (string unknown in Directory.GetDirectories(folder).Select(d => Path.GetFileName(d))
                         .Where(n => n != "UnityEngine" && n != "UnityEditor" && !PackageAssemblies.Contains(n)))
                problems.Add($"Tests/UnityStandIn~/{unknown}: not a Unity assembly the check knows (UnityStandIn.PackageAssemblies)");
            foreach (string name in PackageAssemblies.Where(n => Directory.Exists(Path.Combine(folder, n))))
            {
                var references = inputs.NetStandard.Append(engine).Append(inputs.NUnit).Concat(packages.Values).ToList();
                var image = SourceCompiler.Compile(name, Sources(folder, name).Append(shared), none, references, false,
                    NullableContextOptions.Disable, problems);
                if (image == null) return null;
                packages[name] = image;
            }
            return new UnityStandIn(engine, editor, packages);
        }

        private static IEnumerable<string> Sources(string folder, string module) =>
            Directory.GetFiles(Path.Combine(folder, module), "*.cs", SearchOption.AllDirectories).OrderBy(f => f, System.StringComparer.Ordinal);
    }
}
