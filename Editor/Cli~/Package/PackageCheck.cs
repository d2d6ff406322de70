using System.Collections.Generic;
using System.Linq;

namespace VoiceNpc.Cli.Package
{
    /// <summary>Every rule of the package check over one package's files; an empty list means Unity can import it as it is.</summary>
    public static class PackageCheck
    {
        private static readonly IPackageRule[] Rules =
            { new ManifestRule(), new MetaAudit(), new AsmdefReferenceRule(), new PluginPlatformRule(), new AssemblyNameRule(),
                new CompilableRule() };

        public static IReadOnlyList<PackageFinding> Run(PackageTree tree) => Rules.SelectMany(r => r.Check(tree)).ToList();
    }
}
