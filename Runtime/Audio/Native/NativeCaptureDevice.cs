using System;

namespace VoiceNpc.Audio.Native
{
    /// <summary>
    /// The native core in capture-only mode: OpenAL capture on its own real-time thread, resampling, noise suppression
    /// and echo cancellation, with no playback device. The host plays the NPC through its own engine (with
    /// <see cref="SplitAudioDevice"/>) and hands what its speakers played to <see cref="EchoReference"/>, which the
    /// core aligns with capture as it aligns its own playback. Reading copies straight from the capture ring: no
    /// allocation, no lock.
    /// </summary>
    public sealed class NativeCaptureDevice : IAudioCapture
    {
        private readonly NativeEngineHandle _engine;
        private readonly EngineRing _capture;
        private readonly string _name;
        private readonly NativeEchoReference? _reference;

        private NativeCaptureDevice(NativeEngineHandle engine, string name, bool echoCancellation)
        {
            _engine = engine;
            _name = name;
            _capture = new EngineRing(engine, NativeMethods.EngineCaptureRing(engine));
            _reference = echoCancellation ? new NativeEchoReference(engine) : null;
        }

        /// <summary>Opens the microphone and starts the audio thread; <see cref="AudioDeviceException"/> names what failed.</summary>
        public static NativeCaptureDevice Open(NativeCaptureOptions? options = null)
        {
            options ??= new NativeCaptureOptions();
            NativeEngineOpener.Require(options.ReferenceSampleRate >= 8000 && options.ReferenceSampleRate <= 192000, nameof(NativeCaptureOptions),
                nameof(options.ReferenceSampleRate), options.ReferenceSampleRate, "8000 to 192000");
            NativeEngineOpener.Require(options.ReferenceDelayMilliseconds >= 0 && options.ReferenceDelayMilliseconds <= 400,
                nameof(NativeCaptureOptions), nameof(options.ReferenceDelayMilliseconds), options.ReferenceDelayMilliseconds, "0 to 400");
            var config = NativeEngineOpener.Config(nameof(NativeCaptureOptions), options.DeviceSampleRate, options.EchoCancellation,
                options.EchoTailMilliseconds, options.EchoGate, options.NoiseSuppression, options.NoiseSuppressionDb,
                options.CaptureBufferMilliseconds);
            config.CaptureOnly = 1;
            config.ReferenceSampleRate = (uint)options.ReferenceSampleRate;
            config.ReferenceDelayMs = (uint)options.ReferenceDelayMilliseconds;
            string name = $"microphone \"{options.CaptureDevice ?? "(default)"}\"";
            var engine = NativeEngineOpener.Start(config, options.CaptureDevice, null, name);
            return new NativeCaptureDevice(engine, name, options.EchoCancellation);
        }

        /// <summary>
        /// Where the host writes each block its speakers play (on its audio thread, at
        /// <see cref="NativeCaptureOptions.ReferenceSampleRate"/>); null when echo cancellation is off. Blocks written
        /// before the audio thread runs, or while a lost microphone is being reopened, are dropped as stale.
        /// </summary>
        public IEchoReference? EchoReference => _reference;

        public int AvailableCaptureSamples => _capture.Readable;

        public int ReadCapture(Span<short> destination) => _capture.Read(destination);

        /// <summary>Counters since the device opened; the playback counts stay 0, the reference counts are filled.</summary>
        public AudioEngineStats Stats
        {
            get
            {
                NativeMethods.EngineGetStats(_engine, out var stats);
                return new AudioEngineStats(stats);
            }
        }

        public string? Fault => Stats.DeviceLost ? $"the microphone went away ({_name})" : null;

        /// <summary>
        /// After a lost microphone (<see cref="Fault"/>): opens it again by name; false while it is still missing. One
        /// call at a time, from any thread but the host's audio thread (it probes OpenAL's devices, which can take a while:
        /// the Unity agent calls it on a worker); the pump may go on reading meanwhile.
        /// </summary>
        public bool TryReopen() => NativeMethods.EngineReopen(_engine) == NativeMethods.Success;

        /// <summary>Waits out an echo-reference write in progress, then stops the audio thread and closes the microphone.</summary>
        public void Dispose()
        {
            _reference?.Close();
            _engine.Dispose();
        }
    }
}
