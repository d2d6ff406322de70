using System;
using System.CommandLine;
using System.IO;
using System.Linq;

namespace VoiceNpc.Cli.Package
{
    /// <summary>
    /// <c>voicenpc package metas [--write]</c>: lists (or writes) the metas the package's files and folders lack and
    /// fails on an orphaned, duplicate, malformed or wrongly-imported meta. Build output not built yet is noted, not failed.
    /// </summary>
    public static class PackageMetasCommand
    {
        public static Command Create()
        {
            var root = PackageCommand.RootOption();
            var write = new Option<bool>("--write") { Description = "Write the missing metas (existing metas are never changed)" };
            var command = new Command("metas", "Check the package's .meta files; with --write, add the missing ones") { root, write };
            command.SetAction(result =>
            {
                try { return Run(result.GetValue(root)?.FullName ?? Directory.GetCurrentDirectory(), result.GetValue(write)); }
                catch (PackageException e) { Console.Error.WriteLine($"voicenpc: {e.Message}"); return 1; }
            });
            return command;
        }

        private static int Run(string root, bool write)
        {
            var source = PackageSource.Read(root);
            var (metas, untemplated) = MetaGenerator.Run(source, write);
            if (write) foreach (var meta in metas) Console.WriteLine($"wrote {meta}");
            foreach (var unbuilt in source.Unbuilt)
                Console.WriteLine($"note: {UnityAssetPaths.AssetOf(unbuilt)} is not built yet (its meta waits for it)");
            var findings = new MetaAudit().Check(write ? PackageSource.Read(root).Tree() : source.Tree()).ToList();
            foreach (var f in findings.Concat(untemplated).Distinct()) Console.Error.WriteLine(f);
            return findings.Count + untemplated.Count == 0 ? 0 : 1;
        }
    }
}
