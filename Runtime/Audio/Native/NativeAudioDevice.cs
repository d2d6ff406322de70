using System;
using System.Runtime.InteropServices;
using VoiceNpc.Native;

namespace VoiceNpc.Audio.Native
{
    /// <summary>
    /// A real microphone and speakers through the native core: OpenAL Soft on its own real-time thread, echo
    /// cancellation, noise suppression and resampling in native code, lock-free rings to this side. Reading and
    /// writing copy straight between the caller's span and a ring: no allocation, no lock.
    /// </summary>
    public sealed unsafe class NativeAudioDevice : IRealTimeAudioDevice
    {
        private readonly NativeEngineHandle _engine;
        private readonly IntPtr _captureRing, _playbackRing;
        private readonly string _names;

        private NativeAudioDevice(NativeEngineHandle engine, string names)
        {
            _engine = engine;
            _names = names;
            _captureRing = NativeMethods.EngineCaptureRing(engine);
            _playbackRing = NativeMethods.EnginePlaybackRing(engine);
        }

        /// <summary>Opens both devices and starts the audio thread; <see cref="AudioDeviceException"/> names what failed.</summary>
        public static NativeAudioDevice Open(NativeAudioOptions? options = null)
        {
            options ??= new NativeAudioOptions();
            Require(options.DeviceSampleRate >= 8000 && options.DeviceSampleRate <= 192000, nameof(options.DeviceSampleRate), options.DeviceSampleRate, "8000 to 192000");
            Require(options.EchoTailMilliseconds >= 50 && options.EchoTailMilliseconds <= 2000, nameof(options.EchoTailMilliseconds), options.EchoTailMilliseconds, "50 to 2000");
            Require(options.CaptureBufferMilliseconds >= 20 && options.CaptureBufferMilliseconds <= 1000, nameof(options.CaptureBufferMilliseconds), options.CaptureBufferMilliseconds, "20 to 1000");
            Require(options.NoiseSuppressionDb <= 0 && options.NoiseSuppressionDb >= -90, nameof(options.NoiseSuppressionDb), options.NoiseSuppressionDb, "-90 to 0");
            string names = $"microphone \"{options.CaptureDevice ?? "(default)"}\", speakers \"{options.PlaybackDevice ?? "(default)"}\"";
            NativeMethods.EngineConfig config;
            try { config = NativeLoad.Guard(NativeMethods.Library, NativeMethods.Purpose, NativeMethods.EngineConfigInit); }
            catch (NativeLibraryUnavailableException e)
            {
                throw new AudioDeviceException(e.Message, e);
            }
            config.DeviceSampleRate = (uint)options.DeviceSampleRate;
            config.EchoCancellation = options.EchoCancellation ? 1 : 0;
            config.EchoTailMs = (uint)options.EchoTailMilliseconds;
            config.EchoGate = options.EchoGate ? 1 : 0;
            config.NoiseSuppression = options.NoiseSuppression ? 1 : 0;
            config.NoiseSuppressDb = options.NoiseSuppressionDb;
            config.CaptureBufferMs = (uint)options.CaptureBufferMilliseconds;
            IntPtr capture = options.CaptureDevice == null ? IntPtr.Zero : Marshal.StringToCoTaskMemUTF8(options.CaptureDevice);
            IntPtr playback = options.PlaybackDevice == null ? IntPtr.Zero : Marshal.StringToCoTaskMemUTF8(options.PlaybackDevice);
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
                return new NativeAudioDevice(engine, names);
            }
            finally
            {
                Marshal.FreeCoTaskMem(capture);
                Marshal.FreeCoTaskMem(playback);
            }
        }

        public int AvailableCaptureSamples
        {
            get
            {
                bool added = false;
                _engine.DangerousAddRef(ref added);
                try { return (int)NativeMethods.RingReadable(_captureRing); }
                finally { if (added) _engine.DangerousRelease(); }
            }
        }

        /// <summary>100 ms: the engine's own buffers sit after this, and clearing drops all of it within one period.</summary>
        public int PlaybackLeadSamples => 5 * AudioFormat.FrameSamples;

        public long PlayedSamples => Stats.PlayedSamples;

        /// <summary>The ring's exact level (this side writes it) plus what the source still holds.</summary>
        public int QueuedPlaybackSamples
        {
            get
            {
                NativeMethods.EngineGetStats(_engine, out var stats);
                bool added = false;
                _engine.DangerousAddRef(ref added);
                try { return (int)NativeMethods.RingReadable(_playbackRing) + (int)stats.SourceQueuedSamples; }
                finally { if (added) _engine.DangerousRelease(); }
            }
        }

        public AudioEngineStats Stats
        {
            get
            {
                NativeMethods.EngineGetStats(_engine, out var stats);
                return new AudioEngineStats(stats);
            }
        }

        public string? Fault => Stats.DeviceLost ? $"an audio device went away ({_names})" : null;

        public int ReadCapture(Span<short> destination)
        {
            fixed (short* samples = destination)
            {
                bool added = false;
                _engine.DangerousAddRef(ref added);
                try { return (int)NativeMethods.RingRead(_captureRing, samples, (uint)destination.Length); }
                finally { if (added) _engine.DangerousRelease(); }
            }
        }

        public int WritePlayback(ReadOnlySpan<short> samples)
        {
            fixed (short* source = samples)
            {
                bool added = false;
                _engine.DangerousAddRef(ref added);
                try
                {
                    return (int)NativeMethods.RingWrite(_playbackRing, source, (uint)samples.Length);
                }
                finally { if (added) _engine.DangerousRelease(); }
            }
        }

        /// <summary>The audio thread stops the source and empties the ring within one period.</summary>
        public void ClearPlayback() => NativeMethods.EngineClearPlayback(_engine);

        /// <summary>
        /// After a lost device (<see cref="Fault"/>): opens both devices again by name; false while they are still
        /// missing. Not thread-safe: call it from the thread that runs the conversation's game loop, between frames.
        /// </summary>
        public bool TryReopen() => NativeMethods.EngineReopen(_engine) == NativeMethods.Success;

        public void Dispose() => _engine.Dispose();

        private static void Require(bool ok, string option, int value, string range)
        {
            if (!ok) throw new ArgumentOutOfRangeException(option, value, $"NativeAudioOptions.{option} must be {range}, found {value}");
        }
    }
}
