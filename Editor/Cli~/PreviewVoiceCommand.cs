using System;
using System.CommandLine;
using System.IO;
using System.Linq;
using VoiceNpc.Audio;
using VoiceNpc.Audio.Native;
using VoiceNpc.Authoring;
using VoiceNpc.Providers;

namespace VoiceNpc.Cli
{
    /// <summary><c>voicenpc characters preview-voice FILE --line TEXT</c>: the line in the character's voice on any of its providers, to a WAV file or the speakers.</summary>
    public static class PreviewVoiceCommand
    {
        public static Command Create()
        {
            var file = new Argument<FileInfo>("file") { Description = "The *.character.json file" };
            var line = new Option<string>("--line") { Description = "What the character says", Required = true };
            var provider = new Option<string?>("--provider") { Description = "The voice provider (default: the first of the character's TTS chain)" };
            var output = new Option<FileInfo?>("--output") { Description = "Write the audio to this WAV file (16 kHz mono)" };
            var play = new Option<bool>("--play") { Description = "Play it on the speakers" };
            var device = new Option<string?>("--playback-device") { Description = "With --play: the speakers, by a name from `voicenpc devices`" };
            var fakeCloud = new Option<bool>("--fake-cloud") { Description = "Answer cloud voices with the loopback fakes (no keys, no network)" };
            var json = new Option<bool>("--json") { Description = "Print {\"provider\", \"voice\", \"seconds\", \"words\", \"output\"}" };
            var command = new Command("preview-voice", "Hear a line in the character's voice") { file, line, provider, output, play, device, fakeCloud, json };
            command.SetAction(async (result, cancellationToken) =>
            {
                var character = CharacterFiles.Load(result.GetValue(file)!);
                if (character == null) return 1;
                var wav = result.GetValue(output);
                if (wav == null && !result.GetValue(play)) { CharacterFiles.Fail("give --output FILE.wav, --play, or both"); return 2; }
                string name = result.GetValue(provider) ?? character.Fallbacks.Tts[0];
                await using var fakes = await FakeCloudSession.StartIfAsync(result.GetValue(fakeCloud));
                Tts.SpeechChunk speech;
                try { speech = await VoicePreview.SynthesizeAsync(character, name, result.GetValue(line)!, CloudProviders.CreateCatalog(), cancellationToken); }
                catch (Exception e) when (e is ArgumentException || e is InvalidOperationException || e is ProviderException)
                {
                    CharacterFiles.Fail(e.Message);
                    return 1;
                }
                if (wav != null) WavFile.Write(wav.FullName, speech.Samples);
                if (result.GetValue(play))
                {
                    using var speakers = NativeAudioDevice.Open(new NativeAudioOptions { PlaybackDevice = result.GetValue(device) });
                    await VoicePreview.PlayAsync(speech, speakers, cancellationToken);
                }
                var words = speech.Words.Select(w => new { word = w.Word, start = Math.Round(w.Start.TotalSeconds, 3), end = Math.Round(w.End.TotalSeconds, 3) }).ToList();
                if (result.GetValue(json)) CliJson.Print(new { provider = name, voice = character.Voices[name].Voice, seconds = Math.Round(speech.Duration.TotalSeconds, 3), words, output = wav?.FullName });
                else Console.WriteLine(TerminalText.Clean($"{name} ({character.Voices[name].Voice}): {speech.Duration.TotalSeconds:0.00} s, {speech.Words.Count} words{(wav != null ? $" → {wav.FullName}" : "")}"));
                return 0;
            });
            return command;
        }
    }
}
