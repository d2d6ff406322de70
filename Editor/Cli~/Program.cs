using System;
using System.CommandLine;
using System.Threading.Tasks;
using VoiceNpc.FakeCloud;

namespace VoiceNpc.Cli
{
    /// <summary>The voicenpc command: talk to a character, list audio devices, check character files, manage NPC memories, measure the pipeline.</summary>
    public static class Program
    {
        public static Task<int> Main(string[] args)
        {
            // The CLI runs from the package's tree: its Runtime/Resources/VoiceNpcModels (or $VOICENPC_MODELS_DIR).
            DevelopmentModels.UseUnlessSet();
            var root = new RootCommand("VoiceNpc: talk to game NPCs by voice. Exit codes: 0 done, 1 refused or failed, 70 internal error, 130 interrupted.");
            root.Subcommands.Add(TalkCommand.Create());
            root.Subcommands.Add(DevicesCommand.Create());
            root.Subcommands.Add(CharactersCommand.Create());
            root.Subcommands.Add(StudioCommand.Create());
            root.Subcommands.Add(MemoryCommand.Create());
            root.Subcommands.Add(TraceCommand.Create());
            root.Subcommands.Add(FakeCloudCommand.Create());
            root.Subcommands.Add(BenchCommand.Create());
            root.Subcommands.Add(Package.PackageCommand.Create());
            return CliInvocation.RunAsync(root, args, Console.Error);
        }
    }
}
