using System.Collections.Generic;

namespace VoiceNpc.Cli.Package
{
    /// <summary>One rule of the package check, run over the files of a tarball.</summary>
    public interface IPackageRule
    {
        IEnumerable<PackageFinding> Check(PackageTree tree);
    }
}
