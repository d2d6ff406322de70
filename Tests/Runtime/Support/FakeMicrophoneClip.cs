using System;
using System.Threading;
using VoiceNpc.Audio;

namespace VoiceNpc.Tests.Support
{
    /// <summary>
    /// A looping clip a simulated microphone records into, as Unity's Microphone does: <see cref="Record"/> writes at
    /// the position and wraps (on the "device" thread); <see cref="GetData"/> fills the whole array it is given, wrapping.
    /// </summary>
    public sealed class FakeMicrophoneClip : ILoopingClip
    {
        private readonly float[] _data;
        private int _position;

        public FakeMicrophoneClip(int frequency, int channels, int frames)
        {
            Frequency = frequency;
            Channels = channels;
            Frames = frames;
            _data = new float[Math.Max(0, channels * frames)];
        }

        public int Frequency { get; set; }
        public int Channels { get; }
        public int Frames { get; }
        public int Position => Volatile.Read(ref _position);

        /// <summary>Frames recorded since the clip started (the position without wrapping).</summary>
        public long Recorded { get; private set; }

        /// <summary>Device thread: records interleaved frames at the position, wrapping, and moves the position.</summary>
        public void Record(ReadOnlySpan<float> interleaved)
        {
            int frames = interleaved.Length / Channels;
            int position = _position;
            for (int f = 0; f < frames; f++)
            {
                for (int c = 0; c < Channels; c++) _data[position * Channels + c] = interleaved[f * Channels + c];
                position = (position + 1) % Frames;
            }
            Recorded += frames;
            Volatile.Write(ref _position, position);
        }

        /// <summary>Moves the position without writing (a device whose buffer holds whatever was there).</summary>
        public void Skip(int frames)
        {
            Recorded += frames;
            Volatile.Write(ref _position, (int)((_position + (long)frames) % Frames));
        }

        public void GetData(float[] buffer, int offsetFrames)
        {
            int frames = buffer.Length / Channels;
            for (int f = 0; f < frames; f++)
            {
                int at = (offsetFrames + f) % Frames;
                for (int c = 0; c < Channels; c++) buffer[f * Channels + c] = _data[at * Channels + c];
            }
        }
    }
}
