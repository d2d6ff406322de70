using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;

namespace VoiceNpc.Tools.UnityCompile
{
    /// <summary>
    /// The references from outside the package: the netstandard 2.1 reference assemblies (Unity's .NET Standard 2.1
    /// profile) and the NUnit a test asmdef names as "nunit.framework.dll", both from the NuGet packages this tool
    /// downloads.
    /// </summary>
    internal sealed class CompileInputs
    {
        public const string NUnitFile = "nunit.framework.dll";

        // com.unity.test-framework's assemblies: a test asmdef names them; the engine-free tests use none of their types.
        public static readonly HashSet<string> UnityTestAssemblies = new HashSet<string> { "UnityEngine.TestRunner", "UnityEditor.TestRunner" };

        private CompileInputs(IReadOnlyList<MetadataReference> netStandard, ICollection<string> netStandardNames, MetadataReference nunit)
        {
            NetStandard = netStandard;
            NetStandardNames = netStandardNames;
            NUnit = nunit;
        }

        public IReadOnlyList<MetadataReference> NetStandard { get; }
        public ICollection<string> NetStandardNames { get; }
        public MetadataReference NUnit { get; }

        public static CompileInputs Load()
        {
            string packages = typeof(CompileInputs).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
                .Single(a => a.Key == "NuGetPackageRoot").Value!;
            string refs = Path.Combine(packages, "netstandard.library.ref", "2.1.0", "ref", "netstandard2.1");
            string nunit = Path.Combine(packages, "nunit", "3.6.0", "lib", "net45", NUnitFile);
            if (!Directory.Exists(refs) || !File.Exists(nunit))
                throw new InvalidOperationException($"{refs} or {nunit} is missing: restore Tools~/UnityCompile first");
            var dlls = Directory.GetFiles(refs, "*.dll").OrderBy(f => f, StringComparer.Ordinal).ToArray();
            return new CompileInputs(dlls.Select(f => (MetadataReference)MetadataReference.CreateFromFile(f)).ToArray(),
                new HashSet<string>(dlls.Select(Path.GetFileNameWithoutExtension)!, StringComparer.OrdinalIgnoreCase),
                MetadataReference.CreateFromFile(nunit));
        }
    }
}
