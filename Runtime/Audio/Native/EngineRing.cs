using System;

namespace VoiceNpc.Audio.Native
{
    /// <summary>
    /// One of an engine's rings, copied to and from the caller's span with <c>fixed</c>: no allocation, no lock. Each
    /// call keeps the engine's handle alive, so a ring is never used after its engine was destroyed.
    /// </summary>
    internal sealed unsafe class EngineRing
    {
        private readonly NativeEngineHandle _engine;
        private readonly IntPtr _ring;

        public EngineRing(NativeEngineHandle engine, IntPtr ring)
        {
            _engine = engine;
            _ring = ring;
        }

        public int Readable
        {
            get
            {
                bool added = false;
                _engine.DangerousAddRef(ref added);
                try { return (int)NativeMethods.RingReadable(_ring); }
                finally { if (added) _engine.DangerousRelease(); }
            }
        }

        public int Read(Span<short> destination)
        {
            fixed (short* samples = destination)
            {
                bool added = false;
                _engine.DangerousAddRef(ref added);
                try { return (int)NativeMethods.RingRead(_ring, samples, (uint)destination.Length); }
                finally { if (added) _engine.DangerousRelease(); }
            }
        }

        public int Write(ReadOnlySpan<short> samples)
        {
            fixed (short* source = samples)
            {
                bool added = false;
                _engine.DangerousAddRef(ref added);
                try { return (int)NativeMethods.RingWrite(_ring, source, (uint)samples.Length); }
                finally { if (added) _engine.DangerousRelease(); }
            }
        }
    }
}
