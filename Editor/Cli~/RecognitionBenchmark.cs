using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Spectre.Console;
using VoiceNpc.Audio;
using VoiceNpc.Brain;
using VoiceNpc.Characters;
using VoiceNpc.FakeCloud;
using VoiceNpc.Providers.PocketSphinx;
using VoiceNpc.Providers.Scripted;
using VoiceNpc.Stt;

namespace VoiceNpc.Cli
{
    /// <summary>
    /// Offline STT quality where it matters: the share of the sample's player lines whose intent the scripted brain
    /// recognised from PocketSphinx's transcript, with the character-biased model and with the generic one.
    /// </summary>
    public static class RecognitionBenchmark
    {
        public static async Task RunAsync(CancellationToken cancellationToken)
        {
            var character = CharacterLoader.Load(BenchPaths.Character);
            var lines = ReadLines();
            var table = new Table().Title("Offline STT: intent recognised from the sample's player lines")
                .AddColumn("line").AddColumn("expected").AddColumn("character model heard").AddColumn("generic model heard");
            int[] hits = new int[2];
            var heard = new List<string>[] { new List<string>(), new List<string>() };
            for (int m = 0; m < 2; m++)
            {
                using var stt = new PocketSphinxSpeechToText(new PocketSphinxOptions { UseCharacterModel = m == 0, LanguageModelPath = DevelopmentModels.GenericLanguageModel });
                await stt.PrepareAsync(RecognitionContext.For(character), cancellationToken);
                foreach (var (file, intent) in lines)
                {
                    string text = await TranscribeAsync(stt, Path.Combine(BenchPaths.Sample, "player", file), cancellationToken);
                    var brain = new ScriptedBrain();
                    brain.ChooseLine(new BrainRequest(character, text, Array.Empty<DialogueTurn>()));
                    bool ok = brain.LastIntent == intent;
                    if (ok) hits[m]++;
                    heard[m].Add($"{(ok ? "[green]✓[/]" : "[red]✗[/]")} {Markup.Escape(text)} [grey]→ {Markup.Escape(brain.LastIntent ?? "")}[/]");
                }
            }
            for (int i = 0; i < lines.Count; i++) table.AddRow(Markup.Escape(lines[i].File), lines[i].Intent, heard[0][i], heard[1][i]);
            table.AddRow("[bold]intent recognised[/]", "", $"[bold]{hits[0]}/{lines.Count} ({100.0 * hits[0] / lines.Count:0}%)[/]",
                $"[bold]{hits[1]}/{lines.Count} ({100.0 * hits[1] / lines.Count:0}%)[/]");
            AnsiConsole.Write(table);
        }

        private static async Task<string> TranscribeAsync(ISpeechToText stt, string wav, CancellationToken cancellationToken)
        {
            var audio = WavFile.ReadAsPipelineAudio(wav);
            using var stream = await stt.StartAsync(new IgnoreEvents(), cancellationToken);
            for (int i = 0; i < audio.Length; i += AudioFormat.FrameSamples)
                await stream.WriteAsync(new ReadOnlyMemory<short>(audio, i, Math.Min(AudioFormat.FrameSamples, audio.Length - i)), cancellationToken);
            return (await stream.FinalizeAsync(cancellationToken)).Text;
        }

        private static List<(string File, string Intent)> ReadLines()
        {
            using var document = JsonDocument.Parse(File.ReadAllText(BenchPaths.PlayerLines));
            var lines = new List<(string, string)>();
            foreach (var line in document.RootElement.GetProperty("lines").EnumerateArray())
                lines.Add((line.GetProperty("file").GetString()!, line.GetProperty("intent").GetString()!));
            return lines;
        }

        private sealed class IgnoreEvents : ISpeechRecognitionEvents
        {
            public void OnInterim(Transcript transcript) { }
            public void OnEndOfSpeech() { }
        }
    }
}
