using System;
using System.Diagnostics;
using NUnit.Framework;
using VoiceNpc.Audio.Native;

namespace VoiceNpc.Tests.EndToEnd.Devices
{
    /// <summary>
    /// The PulseAudio set-up ./build.sh test makes: two null sinks, virtual speakers (the NPC plays there) and a
    /// virtual microphone (the player is played there); OpenAL names them by description, their monitors are
    /// "Monitor of ...". Without them (VNA_TEST_* unset) the device tests are ignored, saying why.
    /// </summary>
    public static class PulseAudioRig
    {
        public static string Speakers => Require("VNA_TEST_PLAYBACK");
        public static string Microphone => Require("VNA_TEST_MICROPHONE");

        /// <summary>The NPC's side: hears the virtual microphone, speaks into the virtual speakers.</summary>
        public static NativeAudioOptions NpcDevices(bool echoCancellation = true) => new NativeAudioOptions
        {
            CaptureDevice = "Monitor of " + Microphone,
            PlaybackDevice = Speakers,
            EchoCancellation = echoCancellation,
            NoiseSuppression = echoCancellation,
        };

        /// <summary>Runs pactl (the PulseAudio control tool) and returns its output; fails the test if it fails.</summary>
        public static string Pactl(params string[] args)
        {
            Require("VNA_TEST_PLAYBACK");   // without the rig's server there is nothing to control
            var info = new ProcessStartInfo("pactl") { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var a in args) info.ArgumentList.Add(a);
            using var process = Process.Start(info)!;
            string output = process.StandardOutput.ReadToEnd();
            string error = process.StandardError.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0) Assert.Fail($"pactl {string.Join(" ", args)} failed: {error}");
            return output.Trim();
        }

        /// <summary>
        /// Leaks the virtual speakers into the virtual microphone at <paramref name="volumePercent"/> (PulseAudio's
        /// cubic scale: 50 % is about -18 dB, a loudspeaker near a microphone); returns the module to unload.
        /// </summary>
        public static string LoadSpeakerLeak(int volumePercent)
        {
            string module = Pactl("load-module", "module-loopback", "source=vnpc_spk.monitor", "sink=vnpc_mic", "latency_msec=20");
            string input = "";
            foreach (var block in Pactl("list", "sink-inputs").Split("Sink Input #"))
                if (block.Contains($"Owner Module: {module}\n")) input = block.Substring(0, block.IndexOf('\n')).Trim();
            if (input.Length == 0) Assert.Fail($"the loopback module {module} has no sink input");
            Pactl("set-sink-input-volume", input, volumePercent + "%");
            return module;
        }

        /// <summary>Waits for what a device does (polling every 20 ms); fails naming <paramref name="what"/> after 30 s.</summary>
        public static void WaitUntil(Func<bool> condition, string what) => Eventually.Until(condition, what);

        private static string Require(string variable)
        {
            string? value = Environment.GetEnvironmentVariable(variable);
            if (string.IsNullOrEmpty(value)) Assert.Ignore($"{variable} is not set: run the device tests through ./build.sh test, which starts PulseAudio with its virtual devices");
            return value!;
        }
    }
}
