using System;
using System.CommandLine;
using System.Linq;
using System.Text.Json;
using Spectre.Console;
using VoiceNpc.Audio.Native;
using VoiceNpc.Native;

namespace VoiceNpc.Cli
{
    /// <summary><c>voicenpc devices</c>: the microphones and speakers OpenAL offers, by the names talk's device options take.</summary>
    public static class DevicesCommand
    {
        public static Command Create()
        {
            var json = new Option<bool>("--json") { Description = "Print {capture:[...], playback:[...], default_capture, default_playback}" };
            var command = new Command("devices", "List capture and playback devices") { json };
            command.SetAction(result => Run(result.GetValue(json)));
            return command;
        }

        private static int Run(bool json)
        {
            try
            {
                var capture = AudioDevices.Capture;
                var playback = AudioDevices.Playback;
                string? defaultCapture = AudioDevices.DefaultCapture, defaultPlayback = AudioDevices.DefaultPlayback;
                if (json)
                {
                    Console.WriteLine(JsonSerializer.Serialize(new
                    {
                        capture, playback, default_capture = defaultCapture, default_playback = defaultPlayback,
                    }));
                    return 0;
                }
                var table = new Table().AddColumn("kind").AddColumn("name").AddColumn("default");
                foreach (var name in capture) table.AddRow("capture", Markup.Escape(name), name == defaultCapture ? "yes" : "");
                foreach (var name in playback) table.AddRow("playback", Markup.Escape(name), name == defaultPlayback ? "yes" : "");
                if (!capture.Any() && !playback.Any()) AnsiConsole.MarkupLine("[yellow]OpenAL offers no audio devices here (is PulseAudio or PipeWire running?)[/]");
                else AnsiConsole.Write(table);
                return 0;
            }
            catch (NativeLibraryUnavailableException e)
            {
                Console.Error.WriteLine("voicenpc devices: " + e.Message);
                return 1;
            }
        }
    }
}
