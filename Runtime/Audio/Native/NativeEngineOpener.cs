using System;
using System.Runtime.InteropServices;
using VoiceNpc.Native;

namespace VoiceNpc.Audio.Native
{
    /// <summary>
    /// What <see cref="NativeAudioDevice"/> and <see cref="NativeCaptureDevice"/> share: validating the options both
    /// take (an <see cref="ArgumentOutOfRangeException"/> naming the option), filling the engine's config, and creating
    /// and starting the engine (an <see cref="AudioDeviceException"/> naming the devices or the missing library).
    /// </summary>
    internal static class NativeEngineOpener
    {
        /// <summary>The config's defaults from the library itself, with the settings both devices take applied.</summary>
        public static NativeMethods.EngineConfig Config(string optionsType, int deviceSampleRate, bool echoCancellation, int echoTailMilliseconds,
            bool echoGate, bool noiseSuppression, int noiseSuppressionDb, int captureBufferMilliseconds)
        {
            Require(deviceSampleRate >= 8000 && deviceSampleRate <= 192000, optionsType, "DeviceSampleRate", deviceSampleRate, "8000 to 192000");
            Require(echoTailMilliseconds >= 50 && echoTailMilliseconds <= 2000, optionsType, "EchoTailMilliseconds", echoTailMilliseconds,
                "50 to 2000");
            Require(captureBufferMilliseconds >= 20 && captureBufferMilliseconds <= 1000, optionsType, "CaptureBufferMilliseconds",
                captureBufferMilliseconds, "20 to 1000");
            Require(noiseSuppressionDb <= 0 && noiseSuppressionDb >= -90, optionsType, "NoiseSuppressionDb", noiseSuppressionDb, "-90 to 0");
            NativeMethods.EngineConfig config;
            try { config = NativeLoad.Guard(NativeMethods.Library, NativeMethods.Purpose, NativeMethods.EngineConfigInit); }
            catch (NativeLibraryUnavailableException e)
            {
                throw new AudioDeviceException(e.Message, e);
            }
            config.DeviceSampleRate = (uint)deviceSampleRate;
            config.EchoCancellation = echoCancellation ? 1 : 0;
            config.EchoTailMs = (uint)echoTailMilliseconds;
            config.EchoGate = echoGate ? 1 : 0;
            config.NoiseSuppression = noiseSuppression ? 1 : 0;
            config.NoiseSuppressDb = noiseSuppressionDb;
            config.CaptureBufferMs = (uint)captureBufferMilliseconds;
            return config;
        }

        public static void Require(bool ok, string optionsType, string option, int value, string range)
        {
            if (!ok) throw new ArgumentOutOfRangeException(option, value, $"{optionsType}.{option} must be {range}, found {value}");
        }

        /// <summary>Creates the engine for the named devices and starts its audio thread.</summary>
        /// <param name="names">The devices as the user should read them in an error, e.g. <c>microphone "X"</c>.</param>
        public static NativeEngineHandle Start(NativeMethods.EngineConfig config, string? captureDevice, string? playbackDevice, string names)
        {
            IntPtr capture = captureDevice == null ? IntPtr.Zero : Marshal.StringToCoTaskMemUTF8(captureDevice);
            IntPtr playback = playbackDevice == null ? IntPtr.Zero : Marshal.StringToCoTaskMemUTF8(playbackDevice);
            try
            {
                config.CaptureDevice = capture;
                config.PlaybackDevice = playback;
                int result = NativeMethods.EngineCreate(ref config, out var engine);
                if (result != NativeMethods.Success)
                {
                    engine.Dispose();
                    throw new AudioDeviceException(result == NativeMethods.DeviceUnavailable
                        ? $"could not open {names}; `voicenpc devices` lists the names this machine offers"
                        : $"the audio engine refused its settings for {names} (error {result})");
                }
                if (NativeMethods.EngineStart(engine) != NativeMethods.Success)
                {
                    engine.Dispose();
                    throw new AudioDeviceException($"could not start the audio thread for {names}");
                }
                return engine;
            }
            finally
            {
                Marshal.FreeCoTaskMem(capture);
                Marshal.FreeCoTaskMem(playback);
            }
        }
    }
}
