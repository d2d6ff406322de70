using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Text.Json;
using Spectre.Console;
using VoiceNpc.Memory;
using VoiceNpc.Storage;

namespace VoiceNpc.Cli
{
    /// <summary><c>voicenpc memory</c>: look at, export, import or delete what an NPC remembers of a player.</summary>
    public static class MemoryCommand
    {
        public static Command Create()
        {
            var command = new Command("memory", "Show, export, import or delete an NPC's memory of a player");
            command.Subcommands.Add(Show());
            command.Subcommands.Add(Export());
            command.Subcommands.Add(Import());
            command.Subcommands.Add(Delete());
            command.Subcommands.Add(StressSave());
            return command;
        }

        private static Option<DirectoryInfo> FolderOption() => new Option<DirectoryInfo>("--folder") { Description = "The folder the game saves NPC memories in", Required = true };
        private static Option<string> CharacterOption() => new Option<string>("--character") { Description = "The character's id", Required = true };
        private static Option<string> PlayerOption() => new Option<string>("--player") { Description = "The player's id", Required = true };

        private static Command Show()
        {
            var folder = FolderOption(); var character = CharacterOption(); var player = PlayerOption();
            var json = new Option<bool>("--json") { Description = "Print the memory as JSON" };
            var command = new Command("show", "Print a memory: where it came from, summary, facts and turns") { folder, character, player, json };
            command.SetAction(result =>
            {
                var loaded = new MemoryStore(result.GetValue(folder)!.FullName).Load(result.GetValue(character)!, result.GetValue(player)!);
                var m = loaded.Memory;
                if (result.GetValue(json))
                {
                    Console.WriteLine(JsonSerializer.Serialize(new
                    {
                        source = loaded.Source.ToString().ToLowerInvariant(), problem = loaded.Problem?.Message, character = m.CharacterId, player = m.PlayerId,
                        schema = m.SchemaVersion, saved_at = m.SavedAt, summary = m.Summary, summarized_turns = m.SummarizedTurns,
                        facts = m.Facts.Select(f => new { kind = f.Kind, text = f.Text, at = f.At, source = f.Source }),
                        turns = m.Turns.Select(t => new { player = t.PlayerText, npc = t.NpcText, interrupted = t.Interrupted, at = t.At }),
                    }));
                    return 0;
                }
                if (loaded.Problem != null) AnsiConsole.MarkupLine($"[yellow]{TerminalText.Markup(loaded.Problem.Message)}; kept as {TerminalText.Markup(loaded.DamagedCopy ?? "-")}[/]");
                AnsiConsole.MarkupLine($"[bold]{TerminalText.Markup(m.CharacterId)}[/] remembers [bold]{TerminalText.Markup(m.PlayerId)}[/] ({loaded.Source.ToString().ToLowerInvariant()}, schema {m.SchemaVersion}, saved {m.SavedAt:u})");
                if (m.Summary.Length > 0) AnsiConsole.MarkupLine($"[grey]summary of {m.SummarizedTurns} older turns:[/] {TerminalText.Markup(m.Summary)}");
                foreach (var f in m.Facts) AnsiConsole.MarkupLine($"[green]fact[/] ({TerminalText.Markup(f.Kind)}): {TerminalText.Markup(f.Text)}");
                foreach (var t in m.Turns) AnsiConsole.MarkupLine($"[blue]player:[/] {TerminalText.Markup(t.PlayerText)}  [green]npc:[/] {TerminalText.Markup(t.NpcText)}{(t.Interrupted ? " [yellow](interrupted)[/]" : "")}");
                return 0;
            });
            return command;
        }

        private static Command Export()
        {
            var folder = FolderOption(); var character = CharacterOption(); var player = PlayerOption();
            var output = new Option<FileInfo>("--out") { Description = "Where to write the exported memory", Required = true };
            var command = new Command("export", "Write one player's memory to a file (the format import reads)") { folder, character, player, output };
            command.SetAction(result =>
            {
                string path = result.GetValue(output)!.FullName;
                if (WritablePath.FileProblem("--out", path) is string problem) return Fail("export", problem);
                using var exported = new MemoryStream();
                if (!new MemoryStore(result.GetValue(folder)!.FullName).Export(result.GetValue(character)!, result.GetValue(player)!, exported))
                    return Fail("export", $"{result.GetValue(character)} has no memory of {result.GetValue(player)}");
                try { File.WriteAllBytes(path, exported.ToArray()); }
                catch (Exception e) when (e is IOException || e is UnauthorizedAccessException) { return Fail("export", e.Message); }
                return 0;
            });
            return command;
        }

        private static Command Import()
        {
            var folder = FolderOption();
            var input = new Argument<FileInfo>("file") { Description = "A file written by export" };
            var command = new Command("import", "Replace a player's memory with an exported one") { folder, input };
            command.SetAction(result =>
            {
                var file = result.GetValue(input)!;
                if (WritablePath.FolderProblem("--folder", result.GetValue(folder)!.FullName) is string problem) return Fail("import", problem);
                try
                {
                    using var stream = file.OpenRead();
                    var memory = new MemoryStore(result.GetValue(folder)!.FullName).Import(stream, file.FullName);
                    Console.WriteLine(TerminalText.Clean($"imported {memory.CharacterId}'s memory of {memory.PlayerId}: {memory.Turns.Count} turns, {memory.Facts.Count} facts"));
                    return 0;
                }
                catch (Exception e) when (e is StoredFileException || e is IOException || e is UnauthorizedAccessException) { return Fail("import", e.Message); }
            });
            return command;
        }

        private static Command Delete()
        {
            var folder = FolderOption(); var character = CharacterOption(); var player = PlayerOption();
            var command = new Command("delete", "Delete everything a character remembers of a player") { folder, character, player };
            command.SetAction(result =>
            {
                IReadOnlyList<string> removed;
                try { removed = new MemoryStore(result.GetValue(folder)!.FullName).Delete(result.GetValue(character)!, result.GetValue(player)!); }
                catch (Exception e) when (e is IOException || e is UnauthorizedAccessException) { return Fail("delete", "stopped: " + e.Message); }
                if (removed.Count == 0) Console.WriteLine("nothing was saved");
                else
                {
                    Console.WriteLine($"deleted {removed.Count} file{(removed.Count == 1 ? "" : "s")}:");
                    foreach (var file in removed) Console.WriteLine("  " + TerminalText.Clean(file));
                }
                return 0;
            });
            return command;
        }

        private static int Fail(string verb, string message)
        {
            Console.Error.WriteLine(TerminalText.Clean($"voicenpc memory {verb}: {message}"));
            return 1;
        }

        /// <summary>Crash-safety testing: saves a growing memory as fast as it can, printing "saved N" after each save returns.</summary>
        private static Command StressSave()
        {
            var folder = FolderOption(); var character = CharacterOption(); var player = PlayerOption();
            var command = new Command("stress-save", "Save a growing memory in a loop (for crash tests)") { folder, character, player };
            command.Hidden = true;
            command.SetAction((Func<ParseResult, int>)(result =>
            {
                var store = new MemoryStore(result.GetValue(folder)!.FullName);
                var memory = store.Load(result.GetValue(character)!, result.GetValue(player)!).Memory;
                while (true)
                {
                    StressMemory.Grow(memory);
                    store.Save(memory);
                    Console.WriteLine($"saved {memory.Turns.Count}");
                }
            }));
            return command;
        }
    }
}
