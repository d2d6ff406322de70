using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using Spectre.Console;
using VoiceNpc.Authoring;
using VoiceNpc.Characters;
using VoiceNpc.Conversation;

namespace VoiceNpc.Cli
{
    /// <summary>The human view of <c>voicenpc talk</c>: a spinner while providers start, the dialogue as it happens, a latency table.</summary>
    public sealed class HumanTalkView
    {
        private readonly CharacterDefinition _character;
        private readonly List<string> _held = new List<string>();
        private bool _ready;

        public HumanTalkView(CharacterDefinition character) => _character = character;

        public async Task<T> WhileStartingAsync<T>(Task<T> run, Task started)
        {
            await AnsiConsole.Status().StartAsync($"Preparing {TerminalText.Markup(_character.DisplayName)}: speech model, voice, filler lines…",
                _ => Task.WhenAny(started, run));
            lock (_held)
            {
                _ready = true;
                foreach (var line in _held) AnsiConsole.MarkupLine(line);
                _held.Clear();
            }
            return await run;
        }

        public void Show(ConversationEvent e)
        {
            string? line = e switch
            {
                TranscriptReceived { IsFinal: true } t => t.Text.Length > 0
                    ? $"[blue]{Time(t.At)} Player:[/] {TerminalText.Markup(t.Text)}"
                    : $"[grey]{Time(t.At)} (heard nothing intelligible)[/]",
                FillerStarted f => $"[grey]{Time(f.At)} {TerminalText.Markup(_character.DisplayName)} (filler):[/] {TerminalText.Markup(f.Text)}",
                NpcLineEnded n => $"[green]{Time(n.At)} {TerminalText.Markup(_character.DisplayName)}:[/] {TerminalText.Markup(n.HeardText)}"
                                  + (n.Interrupted ? " [yellow](interrupted)[/]" : ""),
                ProviderFellBack f => $"[yellow]{Time(f.At)} {TerminalText.Markup(f.Stage)}: {TerminalText.Markup(f.From)} → {TerminalText.Markup(f.To)} ({TerminalText.Markup(f.Reason)})[/]",
                ConversationError err => $"[red]{Time(err.At)} {TerminalText.Markup(err.Stage)}: {TerminalText.Markup(err.Message)}[/]",
                _ => null,
            };
            if (line == null) return;
            lock (_held)
            {
                if (_ready) AnsiConsole.MarkupLine(line);
                else _held.Add(line);
            }
        }

        public void Summarize(IReadOnlyList<TurnResult> turns, IReadOnlyList<string> files)
        {
            var table = new Table().Title("Per-turn latency: ms from the end of the player's speech to the final transcript, first token, first clause, first TTS audio and first sample heard");
            table.AddColumn("#").AddColumn("providers");
            foreach (var column in new[] { "transcript", "token", "clause", "audio", "voice-to-voice" })
                table.AddColumn(new TableColumn(column).RightAligned());
            for (int i = 0; i < turns.Count; i++)
            {
                var m = turns[i].Metrics;
                table.AddRow(
                    (i + 1).ToString(),
                    TerminalText.Markup($"{m.SttProvider}, {m.LlmProvider}, {m.TtsProvider}"),
                    Ms(m.SinceEndOfSpeech(m.FinalTranscript)),
                    Ms(m.SinceEndOfSpeech(m.FirstToken)),
                    Ms(m.SinceEndOfSpeech(m.FirstClause)),
                    Ms(m.SinceEndOfSpeech(m.FirstAudio)),
                    Ms(m.VoiceToVoice));
            }
            AnsiConsole.Write(table);
            foreach (var file in files)
                if (file.Length > 0) AnsiConsole.MarkupLine($"[grey]wrote {TerminalText.Markup(file)}[/]");
        }

        private static string Time(TimeSpan at) => $"[{at.TotalSeconds,6:0.00}s]".Replace("[", "[[").Replace("]", "]]");

        private static string Ms(TimeSpan? value) => value is TimeSpan t ? t.TotalMilliseconds.ToString("0") : "–";
    }
}
