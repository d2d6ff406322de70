using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.Json;
using NUnit.Framework;
using VoiceNpc.Audio;
using VoiceNpc.Cli;
using VoiceNpc.Tests.Support;
using VoiceNpc.Timing;

namespace VoiceNpc.Tests.EndToEnd.Devices
{
    /// <summary>The voicenpc command on real devices, as a user runs it: <c>devices</c>, and <c>talk</c> live until Ctrl+C.</summary>
    [NonParallelizable]
    public class CliLiveTalkTests
    {
        private static ProcessStartInfo Voicenpc(params string[] args)
        {
            var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
            info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "voicenpc.dll"));
            foreach (var a in args) info.ArgumentList.Add(a);
            return info;
        }

        [Test]
        public void DevicesListsTheVirtualMicrophoneAndSpeakers()
        {
            string speakers = PulseAudioRig.Speakers, microphone = PulseAudioRig.Microphone;
            using var process = Process.Start(Voicenpc("devices", "--json"))!;
            string stdout = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            Assert.That(process.ExitCode, Is.Zero, process.StandardError.ReadToEnd());
            var json = JsonDocument.Parse(stdout).RootElement;
            var playback = json.GetProperty("playback").EnumerateArray().Select(e => e.GetString()).ToList();
            var capture = json.GetProperty("capture").EnumerateArray().Select(e => e.GetString()).ToList();
            Assert.That(playback, Does.Contain(speakers).And.Contain(microphone));
            Assert.That(capture, Does.Contain("Monitor of " + microphone));
        }

        [Test]
        public void TalkWithoutInputHoldsALiveConversationUntilCtrlC()
        {
            string speakers = PulseAudioRig.Speakers, microphone = PulseAudioRig.Microphone;
            using var process = Process.Start(Voicenpc("talk", "--character", RepoPaths.BlacksmithCharacter, "--json",
                "--capture-device", "Monitor of " + microphone, "--playback-device", speakers))!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            try
            {
                var listening = System.Threading.Tasks.Task.Run(() =>
                {
                    string? line;
                    while ((line = process.StandardError.ReadLine()) != null && !line.Contains("listening on")) { }
                    return line != null;
                });
                Assert.That(listening.Wait(TimeSpan.FromSeconds(60)) && listening.Result, Is.True, "voicenpc talk never said it was listening");
                _ = process.StandardError.ReadToEndAsync();   // keep draining, so the child never blocks on a full pipe

                var clock = new SystemClock();
                using var probe = new DeviceProbe(clock, "Monitor of " + speakers, microphone);
                probe.Play(WavFile.ReadAsPipelineAudio(RepoPaths.PlayerLine("04-how-much-is-a-shield.wav")));
                PulseAudioRig.WaitUntil(() => probe.VoicedSpan(0, int.MaxValue).First >= 0, "the NPC answering on the speakers");
                PulseAudioRig.WaitUntil(() => probe.SilenceStart(probe.VoicedSpan(0, int.MaxValue).Last, TimeSpan.FromMilliseconds(700)) >= 0, "the answer ending");
            }
            finally
            {
                Process.Start("kill", new[] { "-INT", process.Id.ToString() })!.WaitForExit();
                if (!process.WaitForExit(30_000)) { process.Kill(true); process.WaitForExit(); }
            }
            Assert.That(process.ExitCode, Is.Zero);
            var turns = JsonDocument.Parse(stdout.Result).RootElement.GetProperty("turns").EnumerateArray().ToList();
            Assert.That(turns, Has.Count.EqualTo(1));
            Assert.That(turns[0].GetProperty("player_text").GetString(), Does.Contain("shield"));
            Assert.That(turns[0].GetProperty("npc_text").GetString(), Does.Contain("twenty gold"));
            Assert.That(turns[0].GetProperty("interrupted").GetBoolean(), Is.False);
        }

        [Test]
        public void PreviewVoicePlaysTheWholeLineOnTheSpeakers()
        {
            string speakers = PulseAudioRig.Speakers, microphone = PulseAudioRig.Microphone;
            using var probe = new DeviceProbe(new SystemClock(), "Monitor of " + speakers, microphone);
            using var process = Process.Start(Voicenpc("characters", "preview-voice", RepoPaths.BlacksmithCharacter, "--line", "Mind the sparks, traveller.",
                "--play", "--playback-device", speakers, "--json"))!;
            string stdout = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            Assert.That(process.ExitCode, Is.Zero, process.StandardError.ReadToEnd());
            double seconds = JsonDocument.Parse(stdout).RootElement.GetProperty("seconds").GetDouble();
            // The command returns once the device reports every sample played; the speakers' monitor heard the line.
            PulseAudioRig.WaitUntil(() => probe.VoicedSpan(0, int.MaxValue).First >= 0, "the line on the speakers");
            var (first, last) = probe.VoicedSpan(0, int.MaxValue);
            Assert.That((last - first) / (double)AudioFormat.SampleRate, Is.EqualTo(seconds).Within(0.5), "the whole line, not a part of it");
        }
    }
}
