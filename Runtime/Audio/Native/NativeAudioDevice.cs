using System;
using System.Runtime.InteropServices;

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
        private long _written;

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
            string names = $"microphone \"{options.CaptureDevice ?? "(default)"}\", speakers \"{options.PlaybackDevice ?? "(default)"}\"";
            var config = NativeMethods.EngineConfigInit();
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
                int result;
                NativeEngineHandle engine;
                try { result = NativeMethods.EngineCreate(ref config, out engine); }
                catch (DllNotFoundException e)
                {
                    throw new AudioDeviceException("the native audio library (voicenpc_audio) was not found beside the application or in Plugins/: " + e.Message);
                }
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

        public int QueuedPlaybackSamples => (int)Math.Max(0, _written - PlayedSamples);

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
                    int written = (int)NativeMethods.RingWrite(_playbackRing, source, (uint)samples.Length);
                    _written += written;
                    return written;
                }
                finally { if (added) _engine.DangerousRelease(); }
            }
        }

        public void ClearPlayback()
        {
            NativeMethods.EngineClearPlayback(_engine);
            // The engine drops the rest within a period; from here on only what is written next is queued.
            _written = PlayedSamples;
        }

        /// <summary>After a lost device: opens both devices again by name. False while they are still missing.</summary>
        public bool TryReopen()
        {
            _written = PlayedSamples;
            return NativeMethods.EngineReopen(_engine) == NativeMethods.Success;
        }

        public void Dispose() => _engine.Dispose();
    }
}
