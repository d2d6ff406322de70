using System;
using System.CommandLine;
using System.IO;

namespace VoiceNpc.Cli.Package
{
    /// <summary><c>voicenpc package check TGZ</c>: prints the sizes and every finding (file: what is wrong); exit 1 on any.</summary>
    public static class PackageCheckCommand
    {
        public static Command Create()
        {
            var tarball = new Argument<FileInfo>("tarball") { Description = "The package .tgz (from `voicenpc package build`)" };
            var command = new Command("check", "Check a package tarball as Unity would import it") { tarball };
            command.SetAction(result =>
            {
                string path = result.GetValue(tarball)!.FullName;
                try
                {
                    var tree = PackageTarball.Read(path);
                    foreach (var line in PackageSizes.Lines(tree)) Console.WriteLine(line);
                    var findings = PackageCheck.Run(tree);
                    foreach (var finding in findings) Console.Error.WriteLine(finding);
                    Console.WriteLine(findings.Count == 0 ? $"{path}: ok" : $"{path}: {findings.Count} problem{(findings.Count == 1 ? "" : "s")}");
                    return findings.Count == 0 ? 0 : 1;
                }
                catch (PackageException e) { Console.Error.WriteLine($"voicenpc: {e.Message}"); return 1; }
            });
            return command;
        }
    }
}
