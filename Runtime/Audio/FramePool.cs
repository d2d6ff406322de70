using System.Collections.Generic;

namespace VoiceNpc.Audio
{
    /// <summary>
    /// Fixed-size PCM frames handed from the audio pump to the STT worker and back. Preallocated, so the steady state
    /// allocates nothing; when the pool runs dry (the STT stage fell behind) <see cref="TryRent"/> fails and the caller
    /// counts a dropped frame instead of growing without bound.
    /// </summary>
    public sealed class FramePool
    {
        private readonly Stack<short[]> _free;
        private readonly object _gate = new object();

        public FramePool(int frameSamples, int capacity)
        {
            FrameSamples = frameSamples;
            _free = new Stack<short[]>(capacity);
            for (int i = 0; i < capacity; i++) _free.Push(new short[frameSamples]);
        }

        public int FrameSamples { get; }

        public bool TryRent(out short[] frame)
        {
            lock (_gate)
            {
                if (_free.Count > 0) { frame = _free.Pop(); return true; }
            }
            frame = null!;
            return false;
        }

        public void Return(short[] frame)
        {
            if (frame.Length != FrameSamples) return;
            lock (_gate) _free.Push(frame);
        }
    }
}
