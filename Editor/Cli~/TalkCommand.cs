using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Spectre.Console;
using VoiceNpc.Authoring;
using VoiceNpc.Audio;
using VoiceNpc.Audio.Native;
using VoiceNpc.Characters;
using VoiceNpc.Timing;

namespace VoiceNpc.Cli
{
    /// <summary><c>voicenpc talk</c>: a spoken conversation with a character, the player's side read from WAV files or a live microphone.</summary>
    public static class TalkCommand
    {
        public static Command Create()
        {
            var character = new Option<FileInfo>("--character") { Description = "The *.character.json file", Required = true };
            var inputs = new Option<FileInfo[]>("--input")
            {
                Description = "A player WAV file; repeat for one turn each, spoken in real time. Without any: a live conversation on the microphone",
                AllowMultipleArgumentsPerToken = false,
            };
            var output = new Option<DirectoryInfo>("--output") { Description = "Where the NPC's replies are written as WAV files (required with --input)" };
            var json = new Option<bool>("--json") { Description = "Print one JSON object with every turn instead of the human view" };
            var bargeIn = new Option<int?>("--barge-in-after") { Description = "Start each next input this many ms after the NPC starts speaking (cutting it off)" };
            var captureDevice = new Option<string?>("--capture-device") { Description = "Live: the microphone, by a name from `voicenpc devices` (default: the system's)" };
            var playbackDevice = new Option<string?>("--playback-device") { Description = "Live: the speakers, by a name from `voicenpc devices` (default: the system's)" };
            var noEcho = new Option<bool>("--no-echo-cancellation") { Description = "Live: do not cancel the NPC's voice leaking into the microphone (headphones)" };
            var memoryFolder = new Option<DirectoryInfo?>("--memory-folder") { Description = "Remember the player across runs: load and save the NPC's memory in this folder" };
            var player = new Option<string>("--player") { Description = "The player's id for --memory-folder", DefaultValueFactory = _ => "player" };
            var cacheFolder = new Option<DirectoryInfo?>("--cache-folder") { Description = "Keep synthesized lines here and speak repeated ones from it (no provider call)" };
            var trace = new Option<FileInfo?>("--trace") { Description = "Record every event of the conversation to this trace file (`voicenpc trace show` reads it)" };
            var command = new Command("talk", "Hold a spoken conversation with a character, from WAV files or live until Ctrl+C")
            {
                character, inputs, output, json, bargeIn, captureDevice, playbackDevice, noEcho, memoryFolder, player, trace, cacheFolder,
            };
            command.SetAction((result, cancellationToken) =>
            {
                var memory = new PersistenceChoice(result.GetValue(memoryFolder), result.GetValue(player)!, result.GetValue(trace), result.GetValue(cacheFolder));
                var replies = result.GetValue(output);
                string? unwritable = memory.Problem() ?? (replies == null ? null : WritablePath.FolderProblem("--output", replies.FullName));
                if (unwritable != null) return Task.FromResult(Fail(unwritable));
                var files = result.GetValue(inputs) ?? Array.Empty<FileInfo>();
                if (files.Length == 0)
                {
                    var options = new NativeAudioOptions
                    {
                        CaptureDevice = result.GetValue(captureDevice),
                        PlaybackDevice = result.GetValue(playbackDevice),
                        EchoCancellation = !result.GetValue(noEcho),
                    };
                    return RunLiveAsync(result.GetValue(character)!, options, memory, result.GetValue(json), cancellationToken);
                }
                return RunAsync(result.GetValue(character)!, files, replies, memory, result.GetValue(json), result.GetValue(bargeIn),
                    cancellationToken);
            });
            return command;
        }

        private static async Task<int> RunLiveAsync(FileInfo characterFile, NativeAudioOptions options, PersistenceChoice persistence, bool json, CancellationToken cancellationToken)
        {
            CharacterDefinition character;
            NativeAudioDevice device;
            try
            {
                character = CharacterLoader.Load(characterFile.FullName);
                device = NativeAudioDevice.Open(options);
            }
            catch (CharacterLoadException e) { return Fail(e.Message); }
            catch (AudioDeviceException e) { return Fail(e.Message); }
            using (device)
            {
                var view = json ? null : new HumanTalkView(character);
                using var session = Open(persistence, character);
                if (session == null) return 1;
                var conversation = new LiveConversation(character, session.Catalog) { Memory = session.Memory?.Conversation };
                if (view != null) conversation.EventSeen += view.Show;
                conversation.EventSeen += session.See;
                IReadOnlyList<TurnResult> turns;
                try
                {
                    var run = conversation.RunAsync(device, cancellationToken);
                    // On stderr, so --json output stays one object: tools and tests wait for this line.
                    _ = conversation.Started.ContinueWith(_ => Console.Error.WriteLine(
                        TerminalText.Clean($"voicenpc talk: listening on \"{options.CaptureDevice ?? "(default microphone)"}\", " +
                                           $"speaking on \"{options.PlaybackDevice ?? "(default speakers)"}\"; Ctrl+C ends")),
                        TaskScheduler.Default);
                    turns = view != null ? await view.WhileStartingAsync(run, conversation.Started) : await run;
                }
                catch (Exception e) when (!(e is OperationCanceledException)) { return Fail("the conversation failed: " + e.Message); }
                var none = turns.Select(_ => "").ToList();
                if (json) Console.WriteLine(TalkReport.ToJson(character.Id, turns, none, Array.Empty<string>()));
                else view!.Summarize(turns, none);
                return 0;
            }
        }

        private static async Task<int> RunAsync(FileInfo characterFile, FileInfo[] inputFiles, DirectoryInfo? output, PersistenceChoice persistence, bool json, int? bargeInMs, CancellationToken cancellationToken)
        {
            if (output == null) return Fail("--output is required with --input (the folder for the NPC's reply WAVs)");
            // Everything that can be refused is checked before anything runs.
            CharacterDefinition character;
            var clips = new List<short[]>();
            try
            {
                character = CharacterLoader.Load(characterFile.FullName);
                foreach (var file in inputFiles) clips.Add(WavFile.ReadAsPipelineAudio(file.FullName));
            }
            catch (CharacterLoadException e) { return Fail(e.Message); }
            catch (AudioFileException e) { return Fail(e.Message); }
            if (bargeInMs is int ms && ms < 0) return Fail($"--barge-in-after must be 0 or more, found {ms}");
            try { Directory.CreateDirectory(output.FullName); }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                return Fail($"--output {output.FullName} cannot be made: {e.Message}");
            }

            var view = json ? null : new HumanTalkView(character);
            using var session = Open(persistence, character);
            if (session == null) return 1;
            var conversation = new FileConversation(character, session.Catalog, new SystemClock()) { Memory = session.Memory?.Conversation };
            if (view != null) conversation.EventSeen += view.Show;
            conversation.EventSeen += session.See;
            IReadOnlyList<TurnResult> turns;
            try
            {
                var run = conversation.RunAsync(clips, bargeInMs.HasValue ? TimeSpan.FromMilliseconds(bargeInMs.Value) : (TimeSpan?)null, cancellationToken);
                turns = view != null ? await view.WhileStartingAsync(run, conversation.Started) : await run;
            }
            catch (Exception e) when (!(e is OperationCanceledException)) { return Fail("the conversation failed: " + e.Message); }

            var files = WriteReplies(turns, conversation.Device!, output.FullName);
            var unheard = conversation.UnheardClips.Select(i => inputFiles[i].FullName).ToList();
            foreach (var file in unheard) Console.Error.WriteLine(TerminalText.Clean($"voicenpc talk: no speech was heard in {file}"));
            if (json) Console.WriteLine(TalkReport.ToJson(character.Id, turns, files, unheard));
            else view!.Summarize(turns, files);
            return unheard.Count == inputFiles.Length ? Fail("no speech was heard in any input") : 0;
        }

        private static IReadOnlyList<string> WriteReplies(IReadOnlyList<TurnResult> turns, VirtualAudioDevice device, string folder)
        {
            var files = new List<string>();
            var npc = device.NpcAudio.ToArray();
            for (int i = 0; i < turns.Count; i++)
            {
                var turn = turns[i];
                if (turn.AudioEnd <= turn.AudioStart) { files.Add(""); continue; }
                string path = Path.Combine(folder, $"turn-{i + 1:D2}-npc.wav");
                WavFile.Write(path, new ReadOnlySpan<short>(npc, (int)turn.AudioStart, (int)(turn.AudioEnd - turn.AudioStart)));
                files.Add(path);
            }
            WavFile.Write(Path.Combine(folder, "conversation.wav"), device.Timeline.ToArray());
            return files;
        }

        /// <summary>The session the persistence options ask for, or null (said on stderr) when one cannot be opened.</summary>
        private static PersistenceChoice.Session? Open(PersistenceChoice persistence, CharacterDefinition character)
        {
            try { return persistence.Start(character); }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                Fail("cannot open the memory, trace or cache folder: " + e.Message);
                return null;
            }
        }

        private static int Fail(string message)
        {
            Console.Error.WriteLine(TerminalText.Clean("voicenpc talk: " + message));
            return 1;
        }
    }
}
