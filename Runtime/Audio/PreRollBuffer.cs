using System;

namespace VoiceNpc.Audio
{
    /// <summary>
    /// The last few hundred milliseconds of microphone audio. The VAD only declares speech after it has heard some, so
    /// when it does, this buffer supplies the audio from just before, and the recogniser gets the first syllable.
    /// </summary>
    public sealed class PreRollBuffer
    {
        private readonly short[] _ring;
        private long _written;

        public PreRollBuffer(int capacitySamples) => _ring = new short[Math.Max(1, capacitySamples)];

        public int Count => (int)Math.Min(_written, _ring.Length);

        public void Write(ReadOnlySpan<short> samples)
        {
            for (int i = 0; i < samples.Length; i++) _ring[(_written + i) % _ring.Length] = samples[i];
            _written += samples.Length;
        }

        /// <summary>Copies the newest <paramref name="count"/> samples, oldest first, starting at <paramref name="skip"/> of them.</summary>
        public void CopyNewest(int count, int skip, Span<short> destination)
        {
            count = Math.Min(count, Count);
            long first = _written - count + skip;
            for (int i = 0; i < destination.Length; i++) destination[i] = _ring[(first + i) % _ring.Length];
        }
    }
}
