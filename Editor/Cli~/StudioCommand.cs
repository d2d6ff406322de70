using System;
using System.CommandLine;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using VoiceNpc.Providers;
using VoiceNpc.Studio;

namespace VoiceNpc.Cli
{
    /// <summary><c>voicenpc studio</c>: the local web studio on 127.0.0.1, editing the character files of one folder.</summary>
    public static class StudioCommand
    {
        public static Command Create()
        {
            var port = new Option<int>("--port") { Description = "The port on 127.0.0.1 (0: any free port)", DefaultValueFactory = _ => 5170 };
            var folder = new Option<DirectoryInfo>("--folder") { Description = "The folder of *.character.json files to edit", DefaultValueFactory = _ => new DirectoryInfo(".") };
            var cache = new Option<DirectoryInfo?>("--cache-folder") { Description = "Where Bake writes (default: .voicenpc-cache in --folder)" };
            var fakeCloud = new Option<bool>("--fake-cloud") { Description = "Answer cloud providers with the loopback fakes (no keys, no network)" };
            var command = new Command("studio", "Serve the character studio on 127.0.0.1 (prints its address)") { port, folder, cache, fakeCloud };
            command.SetAction(async (result, cancellationToken) =>
            {
                string characters = result.GetValue(folder)!.FullName;
                await using var fakes = await FakeCloudSession.StartIfAsync(result.GetValue(fakeCloud));
                var options = new StudioOptions(characters, result.GetValue(cache)?.FullName ?? Path.Combine(characters, ".voicenpc-cache"), CloudProviders.CreateCatalog)
                {
                    Port = result.GetValue(port),
                };
                await using var studio = await StudioServer.StartAsync(options);
                Console.WriteLine($"studio {studio.BaseUrl}");
                Console.Error.WriteLine($"voicenpc studio: editing {characters}; open {studio.BaseUrl} in a browser; Ctrl+C stops it");
                try { await Task.Delay(Timeout.Infinite, cancellationToken); }
                catch (OperationCanceledException) { }
                return 0;
            });
            return command;
        }
    }
}
