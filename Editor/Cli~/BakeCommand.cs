using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using Spectre.Console;
using VoiceNpc.Authoring;
using VoiceNpc.Caching;
using VoiceNpc.Providers;

namespace VoiceNpc.Cli
{
    /// <summary><c>voicenpc characters bake FILE --cache-folder DIR</c>: every filler and scripted line in the character's own voices, into the audio cache.</summary>
    public static class BakeCommand
    {
        public static Command Create()
        {
            var file = new Argument<FileInfo>("file") { Description = "The *.character.json file" };
            var folder = new Option<DirectoryInfo>("--cache-folder") { Description = "The audio cache to fill (`talk --cache-folder` and games read it)", Required = true };
            var providers = new Option<string[]>("--provider") { Description = "Bake for these voices only (default: each of the character's TTS chain)" };
            var fakeCloud = new Option<bool>("--fake-cloud") { Description = "Answer cloud voices with the loopback fakes (no keys, no network)" };
            var json = new Option<bool>("--json") { Description = "Print every baked line as JSON" };
            var command = new Command("bake", "Pre-synthesize fillers and fallback lines in the character's voices") { file, folder, providers, fakeCloud, json };
            command.SetAction(async (result, cancellationToken) =>
            {
                var character = CharacterFiles.Load(result.GetValue(file)!);
                if (character == null) return 1;
                var cache = new AudioCache(result.GetValue(folder)!.FullName);
                var chosen = result.GetValue(providers) is { Length: > 0 } names ? names : null;
                await using var fakes = await FakeCloudSession.StartIfAsync(result.GetValue(fakeCloud));
                bool quiet = result.GetValue(json);
                int total = LineBaker.LinesOf(character).Count * (chosen ?? character.Fallbacks.Tts).Count;
                (IReadOnlyList<BakedLine> Lines, IReadOnlyList<string> Failures) baked = (new BakedLine[0], new string[0]);
                if (quiet) baked = await LineBaker.BakeAsync(character, CloudProviders.CreateCatalog(), cache, chosen, null, cancellationToken);
                else
                    await AnsiConsole.Progress().StartAsync(async progress =>
                    {
                        var task = progress.AddTask($"baking {TerminalText.Markup(character.DisplayName)}", maxValue: total);
                        baked = await LineBaker.BakeAsync(character, CloudProviders.CreateCatalog(), cache, chosen, _ => task.Increment(1), cancellationToken);
                        task.Value = task.MaxValue;
                    });
                if (quiet) CliJson.Print(new { cache = cache.Folder, lines = baked.Lines, failures = baked.Failures });
                else Show(baked.Lines, baked.Failures, cache);
                return baked.Failures.Count == 0 ? 0 : 1;
            });
            return command;
        }

        private static void Show(IReadOnlyList<BakedLine> lines, IReadOnlyList<string> failures, AudioCache cache)
        {
            var table = new Table().AddColumn("voice").AddColumn("lines").AddColumn("new").AddColumn("seconds");
            foreach (var group in lines.GroupBy(l => l.Provider))
                table.AddRow(group.Key, group.Count().ToString(), group.Count(l => !l.AlreadyBaked).ToString(), group.Sum(l => l.Seconds).ToString("0.0"));
            AnsiConsole.Write(table);
            Console.WriteLine($"cache {cache.Folder}: {cache.Count} entries, {cache.SizeBytes / 1024} KiB");
            foreach (var failure in failures) AnsiConsole.MarkupLine($"[red]failed[/] {TerminalText.Markup(failure)}");
        }
    }
}
