using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using Spectre.Console;
using VoiceNpc.Authoring;

namespace VoiceNpc.Cli
{
    /// <summary><c>voicenpc characters validate FILE...</c>: every error (exit 1) and warning, with the JSON path, what was expected and a hint.</summary>
    public static class CharacterValidateCommand
    {
        public static Command Create()
        {
            var files = new Argument<FileInfo[]>("files") { Description = "*.character.json files", Arity = ArgumentArity.OneOrMore };
            var json = new Option<bool>("--json") { Description = "Print the findings as JSON" };
            var command = new Command("validate", "Check character files: errors, warnings and hints") { files, json };
            command.SetAction(result =>
            {
                var reports = result.GetValue(files)!.Select(f => (File: f.FullName, Issues: CharacterValidator.ValidateFile(f.FullName))).ToList();
                if (result.GetValue(json)) CliJson.Print(reports.Select(r => new { file = r.File, valid = !CharacterValidator.HasErrors(r.Issues), issues = r.Issues }));
                else foreach (var (file, issues) in reports) Show(file, issues);
                return reports.Any(r => CharacterValidator.HasErrors(r.Issues)) ? 1 : 0;
            });
            return command;
        }

        private static void Show(string file, IReadOnlyList<ValidationIssue> issues)
        {
            int errors = issues.Count(i => i.Severity == IssueSeverity.Error), warnings = issues.Count - errors;
            string status = errors > 0 ? "[red]invalid[/]" : "[green]valid[/]  ";
            string counts = issues.Count == 0 ? "" : $" ({Count(errors, "error")}{(errors > 0 && warnings > 0 ? ", " : "")}{Count(warnings, "warning")})";
            AnsiConsole.MarkupLine($"{status} {TerminalText.Markup(file)}{counts}");
            if (issues.Count == 0) return;
            var table = new Table().AddColumn("").AddColumn("JSON path").AddColumn("expected").AddColumn("hint");
            foreach (var i in issues)
                table.AddRow(i.Severity == IssueSeverity.Error ? "[red]error[/]" : "[yellow]warning[/]", TerminalText.Markup(i.JsonPath), TerminalText.Markup(i.Expected), TerminalText.Markup(i.Hint));
            AnsiConsole.Write(table);
        }

        private static string Count(int n, string what) => n == 0 ? "" : $"{n} {what}{(n == 1 ? "" : "s")}";
    }
}
