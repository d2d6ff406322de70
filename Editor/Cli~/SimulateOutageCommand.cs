using System;
using System.CommandLine;
using System.IO;
using System.Linq;
using Spectre.Console;
using VoiceNpc.Authoring;
using VoiceNpc.Providers;

namespace VoiceNpc.Cli
{
    /// <summary>
    /// <c>voicenpc characters simulate-outage FILE --fail PROVIDER=FAULT</c>: a short scripted conversation while the
    /// named providers fail, reported turn by turn: who answered each stage, what the player heard.
    /// </summary>
    public static class SimulateOutageCommand
    {
        public static Command Create()
        {
            var file = new Argument<FileInfo>("file") { Description = "The *.character.json file" };
            var fail = new Option<string[]>("--fail") { Description = "A provider to fail: NAME=handshake|mid-stream|outage (repeatable)", AllowMultipleArgumentsPerToken = true };
            var lines = new Option<string[]>("--line") { Description = "What the player says, one turn each (repeatable; default: an example of each of the first intents)" };
            var fakeCloud = new Option<bool>("--fake-cloud") { Description = "Answer the character's cloud providers with the loopback fakes (no keys, no network)" };
            var json = new Option<bool>("--json") { Description = "Print the report as JSON" };
            var command = new Command("simulate-outage", "Rehearse a conversation while chosen providers fail") { file, fail, lines, fakeCloud, json };
            command.SetAction(async (result, cancellationToken) =>
            {
                var character = CharacterFiles.Load(result.GetValue(file)!);
                if (character == null) return 1;
                RehearsalFault[] faults;
                try { faults = (result.GetValue(fail) ?? Array.Empty<string>()).Select(RehearsalFault.Parse).ToArray(); }
                catch (FormatException e) { CharacterFiles.Fail(e.Message); return 2; }
                var playerLines = result.GetValue(lines) is { Length: > 0 } given ? given : OutageRehearsal.DefaultLines(character).ToArray();
                await using var fakes = await FakeCloudSession.StartIfAsync(result.GetValue(fakeCloud));
                var report = await OutageRehearsal.RunAsync(character, CloudProviders.CreateCatalog(), playerLines, faults, cancellationToken);
                if (result.GetValue(json)) CliJson.Print(new { report.Character, faults = report.Faults.Select(f => f.ToString()), report.Turns, report.Errors });
                else Show(report);
                return 0;
            });
            return command;
        }

        private static void Show(RehearsalReport report)
        {
            string faults = report.Faults.Count == 0 ? "no faults" : string.Join(", ", report.Faults);
            AnsiConsole.MarkupLine($"[bold]{TerminalText.Markup(report.Character)}[/] with {TerminalText.Markup(faults)}");
            var table = new Table().AddColumn("#").AddColumn("player said / heard").AddColumn("stt").AddColumn("llm").AddColumn("tts").AddColumn("the player heard").AddColumn("switches");
            foreach (var t in report.Turns)
                table.AddRow(t.Turn.ToString(), TerminalText.Markup($"{t.PlayerLine}\n→ {t.Heard}"), t.SttProvider, t.LlmProvider, t.TtsProvider,
                    TerminalText.Markup((t.FillerPlayed ? "(filler) " : "") + t.NpcText + (t.VoiceToVoiceMs is double ms ? $"\n[{ms:0} ms to first sound]" : "")),
                    TerminalText.Markup(string.Join("\n", t.Fallbacks)));
            AnsiConsole.Write(table);
            foreach (var error in report.Errors) AnsiConsole.MarkupLine($"[red]error[/] {TerminalText.Markup(error)}");
        }
    }
}
