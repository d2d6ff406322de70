using System;
using System.CommandLine;
using System.IO;

namespace VoiceNpc.Cli.Package
{
    /// <summary><c>voicenpc package build [--output DIR]</c>: writes <c>&lt;name&gt;-&lt;version&gt;.tgz</c> (default folder
    /// .artifacts/package).</summary>
    public static class PackageBuildCommand
    {
        public static Command Create()
        {
            var root = PackageCommand.RootOption();
            var output = new Option<DirectoryInfo>("--output") { Description = "Folder for the tarball; default: .artifacts/package under the root" };
            var command = new Command("build", "Build the Unity package tarball from the built repository") { root, output };
            command.SetAction(result =>
            {
                string folder = result.GetValue(root)?.FullName ?? Directory.GetCurrentDirectory();
                try
                {
                    var source = PackageSource.Read(folder);
                    // A committed meta names a binary or model the package needs: without it the package would import
                    // but fail in the player, so a partial build is refused (run ./build.sh first).
                    foreach (var unbuilt in source.Unbuilt)
                        Console.Error.WriteLine($"voicenpc: {UnityAssetPaths.AssetOf(unbuilt)} is not built (its meta is committed): run ./build.sh");
                    if (source.Unbuilt.Count > 0) return 1;
                    string tarball = PackageBuilder.Build(source, result.GetValue(output)?.FullName ?? Path.Combine(folder, ".artifacts", "package"));
                    Console.WriteLine(tarball);
                    return 0;
                }
                catch (PackageException e) { Console.Error.WriteLine($"voicenpc: {e.Message}"); return 1; }
            });
            return command;
        }
    }
}
