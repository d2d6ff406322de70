using System;
using System.Threading;

namespace VoiceNpc.Audio.Native
{
    /// <summary>
    /// The host's output into a capture-only engine's echo reference: one call into the core per block, which
    /// downmixes the interleaved floats into its lock-free ring on this (the host's audio) thread. Nothing is
    /// allocated and no lock is taken. One block is written at a time: a second writer arriving meanwhile (two taps
    /// for one tick while the route changes hands) drops its block, since the core's ring has a single producer.
    /// After <see cref="Close"/> blocks are ignored, so the engine is never released, let alone destroyed, on the
    /// host's audio thread.
    /// </summary>
    internal sealed unsafe class NativeEchoReference : IEchoReference
    {
        private readonly NativeEngineHandle _engine;
        private int _writing;        // 1 while a block is going in
        private volatile bool _closed;

        public NativeEchoReference(NativeEngineHandle engine) => _engine = engine;

        public void Write(ReadOnlySpan<float> interleaved, int channels)
        {
            if (channels < 1 || channels > 32) throw new ArgumentOutOfRangeException(nameof(channels), channels,
                "an output block has 1 to 32 channels");
            if (interleaved.Length % channels != 0)
                throw new ArgumentException($"an output block of {interleaved.Length} samples is not whole frames of {channels} channels",
                    nameof(interleaved));
            if (interleaved.IsEmpty || Interlocked.CompareExchange(ref _writing, 1, 0) != 0) return;
            try
            {
                // Checked after entering: Close waits for a write that entered before it, and none enters after.
                if (_closed) return;
                fixed (float* block = interleaved)
                    NativeMethods.EngineWriteReference(_engine.DangerousGetHandle(), block, (uint)(interleaved.Length / channels), (uint)channels);
            }
            finally
            {
                Volatile.Write(ref _writing, 0);
            }
        }

        /// <summary>Before the engine is disposed (any thread but the host's audio thread): waits out a write in progress.</summary>
        public void Close()
        {
            _closed = true;
            var wait = new SpinWait();
            while (Volatile.Read(ref _writing) != 0) wait.SpinOnce();
        }
    }
}
