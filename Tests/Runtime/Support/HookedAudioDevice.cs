using System;
using VoiceNpc.Audio;

namespace VoiceNpc.Tests.Support
{
    /// <summary>
    /// A <see cref="VirtualAudioDevice"/> that calls <see cref="BeforeCapture"/> on the audio pump's thread at every frame,
    /// before the frame's capture is read, so a test can act at an exact point of the virtual timeline; and counts
    /// <see cref="Dispose"/> calls.
    /// </summary>
    public sealed class HookedAudioDevice : IAudioDevice
    {
        private int _disposed;

        public HookedAudioDevice(VirtualAudioDevice inner) => Inner = inner;

        public VirtualAudioDevice Inner { get; }
        public Action? BeforeCapture { get; set; }
        public int DisposeCount => System.Threading.Volatile.Read(ref _disposed);

        /// <summary>Capture reads so far (one per pump frame).</summary>
        public long Reads { get; private set; }

        public long PlayedSamples => Inner.PlayedSamples;
        public int QueuedPlaybackSamples => Inner.QueuedPlaybackSamples;
        public string? Fault => Inner.Fault;

        public int ReadCapture(Span<short> destination)
        {
            BeforeCapture?.Invoke();
            Reads++;
            return Inner.ReadCapture(destination);
        }

        public int WritePlayback(ReadOnlySpan<short> samples) => Inner.WritePlayback(samples);
        public void ClearPlayback() => Inner.ClearPlayback();

        public void Dispose()
        {
            System.Threading.Interlocked.Increment(ref _disposed);
            Inner.Dispose();
        }
    }
}
