using System;

namespace VoiceNpc.Audio.Native
{
    /// <summary>
    /// The host's output into a capture-only engine's echo reference: one call into the core per block, which
    /// downmixes the interleaved floats into its lock-free ring on this (the host's audio) thread. Nothing is
    /// allocated and no lock is taken; blocks written after the device was disposed are ignored.
    /// </summary>
    internal sealed unsafe class NativeEchoReference : IEchoReference
    {
        private readonly NativeEngineHandle _engine;

        public NativeEchoReference(NativeEngineHandle engine) => _engine = engine;

        public void Write(ReadOnlySpan<float> interleaved, int channels)
        {
            if (channels < 1 || channels > 32) throw new ArgumentOutOfRangeException(nameof(channels), channels,
                "an output block has 1 to 32 channels");
            if (interleaved.Length % channels != 0)
                throw new ArgumentException($"an output block of {interleaved.Length} samples is not whole frames of {channels} channels",
                    nameof(interleaved));
            if (interleaved.IsEmpty || _engine.IsClosed) return;
            bool added = false;
            try
            {
                _engine.DangerousAddRef(ref added);
                fixed (float* block = interleaved)
                    NativeMethods.EngineWriteReference(_engine.DangerousGetHandle(), block, (uint)(interleaved.Length / channels), (uint)channels);
            }
            catch (ObjectDisposedException)
            {
                // Disposed between the check and the call (the host's audio thread outlived the device): nothing to feed.
            }
            finally
            {
                if (added) _engine.DangerousRelease();
            }
        }
    }
}
