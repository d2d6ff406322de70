using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Spectre.Console;
using VoiceNpc.Authoring;
using VoiceNpc.Characters;
using VoiceNpc.Conversation;
using VoiceNpc.Providers.Scripted;
using VoiceNpc.Testing;
using VoiceNpc.Timing;
using VoiceNpc.Vad;

namespace VoiceNpc.Cli
{
    /// <summary>
    /// Pipeline overhead per turn: a real-time conversation on the system clock with zero-latency providers, so
    /// whatever voice-to-voice exceeds the VAD's silence wait is the pipeline's own cost (thread hops, chunking,
    /// scheduling and the 20 ms frame clock).
    /// </summary>
    public static class PipelineOverheadBenchmark
    {
        public static async Task RunAsync(int turns, CancellationToken cancellationToken)
        {
            var character = CharacterLoader.Load(BenchPaths.Character) with
            {
                Voices = new Dictionary<string, VoiceSettings> { ["tone-tts"] = new VoiceSettings("tone") },
                Fallbacks = new StageChains(new[] { "energy" }, new[] { "scripted-stt" }, new[] { "scripted" }, new[] { "tone-tts" }),
            };
            var clock = new SystemClock();
            var catalog = new ProviderCatalog()
                .AddVad("energy", () => new EnergyVad())
                .AddStt("scripted-stt", () => new ScriptedSpeechToText(clock, Enumerable.Repeat("goodbye", turns).ToArray()))
                .AddLlm("scripted", () => new ScriptedBrain())
                .AddTts("tone-tts", () => new ToneTextToSpeech(clock) { WordDuration = TimeSpan.FromMilliseconds(60) });
            var clips = Enumerable.Range(0, turns).Select(_ => ToneSpeech.Make(TimeSpan.FromMilliseconds(400))).ToArray();

            var run = new FileConversation(character, catalog, clock) { ReplyGap = TimeSpan.FromMilliseconds(150) };
            var results = await AnsiConsole.Status().StartAsync($"Pipeline overhead: {turns} real-time turns with zero-latency providers…",
                _ => run.RunAsync(clips, null, cancellationToken));

            double stop = character.TurnTaking.VadStopSeconds * 1000;
            var overhead = results.Where(r => r.Metrics.VoiceToVoice.HasValue).Select(r => r.Metrics.VoiceToVoice!.Value.TotalMilliseconds - stop).ToList();
            var handOff = results.Where(r => r.Metrics.FirstAudio.HasValue && r.Metrics.FinalTranscript.HasValue)
                .Select(r => (r.Metrics.FirstAudio!.Value - r.Metrics.FinalTranscript!.Value).TotalMilliseconds).ToList();
            var table = new Table().Title($"Pipeline overhead per turn ({overhead.Count} of {turns} turns answered)")
                .AddColumn("measure").AddColumn(new TableColumn("p50 ms").RightAligned()).AddColumn(new TableColumn("p99 ms").RightAligned());
            table.AddRow("voice-to-voice minus the VAD stop (0.2 s)", F(Percentiles.Of(overhead, 50)), F(Percentiles.Of(overhead, 99)));
            table.AddRow("final transcript → first TTS audio (worker hand-offs)", F(Percentiles.Of(handOff, 50)), F(Percentiles.Of(handOff, 99)));
            AnsiConsole.Write(table);
        }

        private static string F(double value) => value.ToString("0.0");
    }
}
