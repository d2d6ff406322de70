using System;
using System.CommandLine;
using System.IO;
using System.Linq;
using Spectre.Console;
using VoiceNpc.Storage;
using VoiceNpc.Tracing;

namespace VoiceNpc.Cli
{
    /// <summary><c>voicenpc trace show FILE</c>: the dialogue of a recorded conversation and a latency waterfall per turn.</summary>
    public static class TraceCommand
    {
        private static readonly (string Field, string Label)[] Stages =
        {
            ("final_transcript", "final transcript"), ("first_token", "first token"), ("first_clause", "first clause"),
            ("first_audio", "first TTS audio"), ("first_sample_out", "first sample heard"),
        };

        public static Command Create()
        {
            var file = new Argument<FileInfo>("file") { Description = "A trace written by `voicenpc talk --trace` or TraceWriter" };
            var show = new Command("show", "Print the dialogue and each turn's latency waterfall") { file };
            show.SetAction(result => Show(result.GetValue(file)!));
            return new Command("trace", "Read conversation traces") { show };
        }

        private static int Show(FileInfo file)
        {
            TraceFile trace;
            try { trace = TraceFile.Read(file.FullName); }
            catch (Exception e) when (e is StoredFileException || e is IOException)
            {
                Console.Error.WriteLine(TerminalText.Clean("voicenpc trace show: " + e.Message));
                return 1;
            }
            AnsiConsole.MarkupLine($"[bold]{TerminalText.Markup(file.Name)}[/]: {trace.Records.Count} events");
            foreach (var r in trace.Records)
            {
                string? line = r.Kind switch
                {
                    "transcript" when r.Flag("final") => $"[blue]Player:[/] {TerminalText.Markup(r.Text("text"))}",
                    "filler" => $"[grey]NPC (filler):[/] {TerminalText.Markup(r.Text("text"))}",
                    "line-ended" => $"[green]NPC:[/] {TerminalText.Markup(r.Text("heard"))}" + (r.Flag("interrupted") ? " [yellow](interrupted)[/]" : ""),
                    "fallback" => $"[yellow]{TerminalText.Markup(r.Text("stage"))}: {TerminalText.Markup(r.Text("from"))} → {TerminalText.Markup(r.Text("to"))} ({TerminalText.Markup(r.Text("reason"))})[/]",
                    "error" => $"[red]{TerminalText.Markup(r.Text("stage"))}: {TerminalText.Markup(r.Text("message"))}[/]",
                    "trace-full" => "[yellow](the trace reached its size limit here)[/]",
                    _ => null,
                };
                if (line != null) AnsiConsole.MarkupLine($"[grey]{r.At.TotalSeconds,7:0.00}s[/] {line}");
            }
            foreach (var turn in trace.Records.Where(r => r.Kind == "turn")) AnsiConsole.Write(Waterfall(turn));
            if (trace.Problem != null) AnsiConsole.MarkupLine($"[yellow]stopped early: {TerminalText.Markup(trace.Problem)}[/]");
            return 0;
        }

        /// <summary>Each stage as a bar from the end of the player's speech; the scale is the turn's slowest stage.</summary>
        private static Table Waterfall(TraceRecord turn)
        {
            // In doubles: a crafted trace's times may be any ticks, whose difference does not fit a TimeSpan.
            double end = turn.Time("end_of_speech")?.Ticks ?? 0;
            var stages = Stages.Select(s => (s.Label, Ms: turn.Time(s.Field) is TimeSpan t ? (t.Ticks - end) / TimeSpan.TicksPerMillisecond : (double?)null)).ToList();
            double scale = Math.Max(1, stages.Max(s => s.Ms ?? 0));
            var table = new Table().Title($"turn {turn.Turn}: \"{TerminalText.Markup(turn.Text("player"))}\" ({TerminalText.Markup(turn.Text("stt"))}, {TerminalText.Markup(turn.Text("llm"))}, {TerminalText.Markup(turn.Text("tts"))})")
                .AddColumn("since the end of speech").AddColumn(new TableColumn("ms").RightAligned()).AddColumn("");
            foreach (var (label, ms) in stages)
                table.AddRow(label, ms is double v ? v.ToString("0") : "–", ms is double w ? new string('█', Math.Max(1, (int)Math.Round(w / scale * 40))) : "");
            return table;
        }
    }
}
