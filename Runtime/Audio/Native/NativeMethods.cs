using System;
using System.Runtime.InteropServices;

namespace VoiceNpc.Audio.Native
{
    /// <summary>
    /// Every entry point of the native audio core (NativeAudio/include/voicenpc_audio.h), in one place. Arguments are
    /// blittable: structs of integers, raw sample pointers and UTF-8 strings passed as pointers the caller owns.
    /// </summary>
    internal static unsafe class NativeMethods
    {
        internal const string Library = "voicenpc_audio";
        internal const string Purpose = "the audio core: microphone, speakers, echo cancellation";

        public const int Success = 0;
        public const int InvalidArgs = -1;
        public const int OutOfMemory = -2;
        public const int DeviceUnavailable = -3;

        [StructLayout(LayoutKind.Sequential)]
        public struct EngineConfig
        {
            public IntPtr CaptureDevice;
            public IntPtr PlaybackDevice;
            public uint SampleRate;
            public uint DeviceSampleRate;
            public uint PeriodFrames;
            public uint CaptureBufferMs;
            public uint MaxCaptureBacklogMs;
            public uint RingMs;
            public int EchoCancellation;
            public uint EchoTailMs;
            public int EchoGate;
            public int NoiseSuppression;
            public int NoiseSuppressDb;
            public int ResamplerQuality;
            public int CaptureOnly;
            public uint ReferenceSampleRate;
            public uint ReferenceDelayMs;
            public uint MaxReferenceBacklogMs;
        }

        [StructLayout(LayoutKind.Sequential)]
        public struct EngineStats
        {
            public ulong CapturedSamples;
            public ulong PlayedSamples;
            public ulong CaptureOverruns;
            public ulong PlaybackUnderruns;
            public ulong DroppedBacklogSamples;
            public ulong DspNanoseconds;
            public ulong EchoGatedSamples;
            public uint QueuedPlaybackSamples;
            public uint SourceQueuedSamples;
            public uint CapturePeak;
            public int DeviceLost;
            public int RealtimePriority;
            public int CaptureOnly;
            public ulong ReferenceFrames;
            public ulong ReferenceOverruns;
            public ulong ReferenceUnderruns;
            public ulong ReferenceDropped;
            public uint ReferenceLevel;
            public uint Reserved;
        }

        [DllImport(Library, EntryPoint = "vna_engine_config_init")]
        public static extern EngineConfig EngineConfigInit();

        [DllImport(Library, EntryPoint = "vna_engine_create")]
        public static extern int EngineCreate(ref EngineConfig config, out NativeEngineHandle engine);

        [DllImport(Library, EntryPoint = "vna_engine_start")]
        public static extern int EngineStart(NativeEngineHandle engine);

        [DllImport(Library, EntryPoint = "vna_engine_destroy")]
        public static extern void EngineDestroy(IntPtr engine);

        [DllImport(Library, EntryPoint = "vna_engine_reopen")]
        public static extern int EngineReopen(NativeEngineHandle engine);

        [DllImport(Library, EntryPoint = "vna_engine_capture_ring")]
        public static extern IntPtr EngineCaptureRing(NativeEngineHandle engine);

        [DllImport(Library, EntryPoint = "vna_engine_playback_ring")]
        public static extern IntPtr EnginePlaybackRing(NativeEngineHandle engine);

        // On the host's audio thread: the caller keeps the engine's handle alive around the call.
        [DllImport(Library, EntryPoint = "vna_engine_write_reference")]
        public static extern uint EngineWriteReference(IntPtr engine, float* interleaved, uint frames, uint channels);

        [DllImport(Library, EntryPoint = "vna_engine_clear_playback")]
        public static extern int EngineClearPlayback(NativeEngineHandle engine);

        [DllImport(Library, EntryPoint = "vna_engine_get_stats")]
        public static extern int EngineGetStats(NativeEngineHandle engine, out EngineStats stats);

        // The rings live as long as their engine; the device keeps the engine's handle alive around each call.
        [DllImport(Library, EntryPoint = "vna_ring_read")]
        public static extern uint RingRead(IntPtr ring, short* samples, uint count);

        [DllImport(Library, EntryPoint = "vna_ring_write")]
        public static extern uint RingWrite(IntPtr ring, short* samples, uint count);

        [DllImport(Library, EntryPoint = "vna_ring_readable")]
        public static extern uint RingReadable(IntPtr ring);

        [DllImport(Library, EntryPoint = "vna_device_count")]
        public static extern int DeviceCount(int kind, out uint count);

        [DllImport(Library, EntryPoint = "vna_device_name")]
        public static extern int DeviceName(int kind, uint index, byte* buffer, uint bufferSize);
    }
}
