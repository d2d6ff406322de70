using System;
using System.Threading;
using VoiceNpc.Audio;

namespace VoiceNpc.Cli
{
    /// <summary>
    /// A looping clip a simulated microphone records into as Unity's does (position moves after each chunk, wraps at the
    /// end; GetData fills the whole array, wrapping), for the host-audio benchmark.
    /// </summary>
    public sealed class SimulatedMicrophoneClip : ILoopingClip
    {
        private readonly float[] _data;
        private int _position;

        public SimulatedMicrophoneClip(int frequency, int frames)
        {
            Frequency = frequency;
            Frames = frames;
            _data = new float[frames];
        }

        public int Frequency { get; }
        public int Channels => 1;
        public int Frames { get; }
        public int Position => Volatile.Read(ref _position);

        /// <summary>The device's thread: records mono frames at the position and moves it.</summary>
        public void Record(ReadOnlySpan<float> frames)
        {
            int position = _position;
            for (int i = 0; i < frames.Length; i++)
            {
                _data[position] = frames[i];
                position = (position + 1) % Frames;
            }
            Volatile.Write(ref _position, position);
        }

        public void GetData(float[] buffer, int offsetFrames)
        {
            for (int i = 0; i < buffer.Length; i++) buffer[i] = _data[(offsetFrames + i) % Frames];
        }
    }
}
