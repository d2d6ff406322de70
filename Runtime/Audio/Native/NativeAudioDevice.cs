using System;

namespace VoiceNpc.Audio.Native
{
    /// <summary>
    /// A real microphone and speakers through the native core: OpenAL Soft on its own real-time thread, echo
    /// cancellation, noise suppression and resampling in native code, lock-free rings to this side. Reading and
    /// writing copy straight between the caller's span and a ring: no allocation, no lock.
    /// </summary>
    public sealed class NativeAudioDevice : IRealTimeAudioDevice
    {
        private readonly NativeEngineHandle _engine;
        private readonly EngineRing _capture, _playback;
        private readonly string _names;

        private NativeAudioDevice(NativeEngineHandle engine, string names)
        {
            _engine = engine;
            _names = names;
            _capture = new EngineRing(engine, NativeMethods.EngineCaptureRing(engine));
            _playback = new EngineRing(engine, NativeMethods.EnginePlaybackRing(engine));
        }

        /// <summary>Opens both devices and starts the audio thread; <see cref="AudioDeviceException"/> names what failed.</summary>
        public static NativeAudioDevice Open(NativeAudioOptions? options = null)
        {
            options ??= new NativeAudioOptions();
            var config = NativeEngineOpener.Config(nameof(NativeAudioOptions), options.DeviceSampleRate, options.EchoCancellation,
                options.EchoTailMilliseconds, options.EchoGate, options.NoiseSuppression, options.NoiseSuppressionDb,
                options.CaptureBufferMilliseconds);
            string names = $"microphone \"{options.CaptureDevice ?? "(default)"}\", speakers \"{options.PlaybackDevice ?? "(default)"}\"";
            return new NativeAudioDevice(NativeEngineOpener.Start(config, options.CaptureDevice, options.PlaybackDevice, names), names);
        }

        public int AvailableCaptureSamples => _capture.Readable;

        /// <summary>100 ms: the engine's own buffers sit after this, and clearing drops all of it within one period.</summary>
        public int PlaybackLeadSamples => 5 * AudioFormat.FrameSamples;

        public long PlayedSamples => Stats.PlayedSamples;

        /// <summary>The ring's exact level (this side writes it) plus what the source still holds.</summary>
        public int QueuedPlaybackSamples
        {
            get
            {
                NativeMethods.EngineGetStats(_engine, out var stats);
                return _playback.Readable + (int)stats.SourceQueuedSamples;
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

        public int ReadCapture(Span<short> destination) => _capture.Read(destination);

        public int WritePlayback(ReadOnlySpan<short> samples) => _playback.Write(samples);

        /// <summary>The audio thread stops the source and empties the ring within one period.</summary>
        public void ClearPlayback() => NativeMethods.EngineClearPlayback(_engine);

        /// <summary>
        /// After a lost device (<see cref="Fault"/>): opens both devices again by name; false while they are still
        /// missing. Not thread-safe: call it from the thread that runs the conversation's game loop, between frames.
        /// </summary>
        public bool TryReopen() => NativeMethods.EngineReopen(_engine) == NativeMethods.Success;

        public void Dispose() => _engine.Dispose();
    }
}
