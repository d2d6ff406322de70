using System;
using System.Runtime.InteropServices;
using System.Threading;

namespace VoiceNpc.Audio
{
    /// <summary>
    /// A lock-free ring of pipeline samples between exactly one producer thread and one consumer thread. Capacity is a
    /// power of two; the write and read positions are free-running counters (on separate cache lines) published with
    /// release stores and read with acquire loads, so each side sees the other's samples whole. Nothing allocates
    /// after construction.
    /// </summary>
    public sealed class SampleRing
    {
        private const int MaxCapacity = 1 << 28;

        private readonly short[] _buffer;
        private readonly int _mask;
        private Counter _write;
        private Counter _read;

        public SampleRing(int minimumCapacity)
        {
            if (minimumCapacity < 1 || minimumCapacity > MaxCapacity)
                throw new ArgumentOutOfRangeException(nameof(minimumCapacity), minimumCapacity, $"ring capacity must be 1..{MaxCapacity} samples");
            int capacity = 1;
            while (capacity < minimumCapacity) capacity <<= 1;
            _buffer = new short[capacity];
            _mask = capacity - 1;
        }

        public int Capacity => _buffer.Length;

        /// <summary>Samples written since the ring was made (the producer's counter).</summary>
        public long WritePosition => Volatile.Read(ref _write.Value);

        /// <summary>Samples read or skipped since the ring was made (the consumer's counter).</summary>
        public long ReadPosition => Volatile.Read(ref _read.Value);

        /// <summary>Samples waiting to be read; exact on the consumer's thread, a lower bound of what will be read elsewhere.</summary>
        public int Available => (int)(Volatile.Read(ref _write.Value) - Volatile.Read(ref _read.Value));

        /// <summary>Room for writing; exact on the producer's thread.</summary>
        public int Free => Capacity - Available;

        /// <summary>Producer: copies in as many samples as fit; returns how many.</summary>
        public int Write(ReadOnlySpan<short> samples)
        {
            long write = _write.Value;
            int free = Capacity - (int)(write - Volatile.Read(ref _read.Value));
            int count = Math.Min(free, samples.Length);
            if (count == 0) return 0;
            int start = (int)(write & _mask);
            int first = Math.Min(count, Capacity - start);
            samples.Slice(0, first).CopyTo(new Span<short>(_buffer, start, first));
            samples.Slice(first, count - first).CopyTo(new Span<short>(_buffer, 0, count - first));
            Volatile.Write(ref _write.Value, write + count);
            return count;
        }

        /// <summary>Consumer: copies out and removes up to <paramref name="destination"/>'s length; returns how many.</summary>
        public int Read(Span<short> destination)
        {
            int count = Peek(destination);
            if (count > 0) Volatile.Write(ref _read.Value, _read.Value + count);
            return count;
        }

        /// <summary>Consumer: copies out up to <paramref name="destination"/>'s length without removing anything.</summary>
        public int Peek(Span<short> destination)
        {
            long read = _read.Value;
            int count = Math.Min((int)(Volatile.Read(ref _write.Value) - read), destination.Length);
            if (count <= 0) return 0;
            int start = (int)(read & _mask);
            int first = Math.Min(count, Capacity - start);
            new ReadOnlySpan<short>(_buffer, start, first).CopyTo(destination);
            new ReadOnlySpan<short>(_buffer, 0, count - first).CopyTo(destination.Slice(first));
            return count;
        }

        /// <summary>Consumer: removes <paramref name="count"/> samples that <see cref="Peek"/> showed.</summary>
        public void Advance(int count)
        {
            long read = _read.Value;
            if (count < 0 || count > (int)(Volatile.Read(ref _write.Value) - read))
                throw new ArgumentOutOfRangeException(nameof(count), count, "cannot advance past the samples written");
            Volatile.Write(ref _read.Value, read + count);
        }

        /// <summary>Consumer: drops everything before <paramref name="position"/> (at most up to what was written); returns how many.</summary>
        public long SkipTo(long position)
        {
            long read = _read.Value;
            long target = Math.Min(position, Volatile.Read(ref _write.Value));
            if (target <= read) return 0;
            Volatile.Write(ref _read.Value, target);
            return target - read;
        }

        /// <summary>A counter alone on its cache line, so the two threads do not contend for one line.</summary>
        [StructLayout(LayoutKind.Explicit, Size = 128)]
        private struct Counter
        {
            [FieldOffset(64)] public long Value;
        }
    }
}
