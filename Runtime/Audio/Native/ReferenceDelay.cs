using System;

namespace VoiceNpc.Audio.Native
{
    /// <summary>
    /// A default for <see cref="NativeCaptureOptions.ReferenceDelayMilliseconds"/> when a host mixes into a queue of
    /// output buffers (Unity: <c>AudioSettings.GetDSPBufferSize</c>). A block waits that whole queue before the speakers
    /// play it, and its echo then needs the microphone's own latency on top, so delaying the reference by the queue
    /// brings it closer to its echo without ever passing it.
    /// </summary>
    public static class ReferenceDelay
    {
        /// <summary>The most the capture-only engine takes.</summary>
        public const int MaxMilliseconds = 400;

        /// <returns>The queue's length in milliseconds, within 0 to <see cref="MaxMilliseconds"/>; 0 when nothing is known.</returns>
        public static int ForOutputQueue(int bufferFrames, int bufferCount, int sampleRate)
        {
            if (bufferFrames <= 0 || bufferCount <= 0 || sampleRate <= 0) return 0;
            long milliseconds = (long)bufferFrames * bufferCount * 1000 / sampleRate;
            return (int)Math.Min(milliseconds, MaxMilliseconds);
        }
    }
}
