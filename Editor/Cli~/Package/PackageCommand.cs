using System.CommandLine;

namespace VoiceNpc.Cli.Package
{
    /// <summary><c>voicenpc package metas|build|check</c>: the Unity package's .meta files, its tarball and the check Unity's import is held
    /// to.</summary>
    public static class PackageCommand
    {
        public static Command Create() => new Command("package", "Build and check the Unity package (.meta files, the tarball)")
        {
            PackageMetasCommand.Create(),
            PackageBuildCommand.Create(),
            PackageCheckCommand.Create(),
        };

        /// <summary>The repository folder holding package.json; by default the current folder.</summary>
        internal static Option<System.IO.DirectoryInfo> RootOption() =>
            new Option<System.IO.DirectoryInfo>("--root") { Description = "The package's folder (with package.json); default: the current folder" };
    }
}
