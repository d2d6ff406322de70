using System.CommandLine;
using System.IO;
using Spectre.Console;
using VoiceNpc.Characters;

namespace VoiceNpc.Cli
{
    /// <summary><c>voicenpc characters validate FILE...</c>: exit 0 when every file is a valid character, 1 with the problems otherwise.</summary>
    public static class CharactersCommand
    {
        public static Command Create()
        {
            var files = new Argument<FileInfo[]>("files") { Description = "*.character.json files", Arity = ArgumentArity.OneOrMore };
            var validate = new Command("validate", "Check character files and list every problem") { files };
            validate.SetAction(result => Validate(result.GetValue(files)!));
            return new Command("characters", "Work with character files") { validate };
        }

        private static int Validate(FileInfo[] files)
        {
            int invalid = 0;
            foreach (var file in files)
            {
                var problems = CharacterLoader.Validate(file.FullName);
                if (problems.Count == 0)
                {
                    AnsiConsole.MarkupLine($"[green]valid[/]   {Markup.Escape(file.FullName)}");
                    continue;
                }
                invalid++;
                AnsiConsole.MarkupLine($"[red]invalid[/] {Markup.Escape(file.FullName)} ({problems.Count} problem{(problems.Count == 1 ? "" : "s")})");
                var table = new Table().AddColumn("JSON path").AddColumn("expected");
                foreach (var p in problems) table.AddRow(Markup.Escape(p.JsonPath), Markup.Escape(p.Expected));
                AnsiConsole.Write(table);
            }
            return invalid == 0 ? 0 : 1;
        }
    }
}
