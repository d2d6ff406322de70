using System;
using VoiceNpc.Audio;

namespace VoiceNpc.Conversation
{
    /// <summary>
    /// Turns per-frame VAD decisions into speech segments: speech starts after <c>start</c> of voiced frames and stops
    /// after <c>stop</c> of silence (the character's SpeechStartSeconds and VadStopSeconds).
    /// </summary>
    public sealed class SpeechSegmenter
    {
        public enum Signal { None, Started, Stopped }

        private readonly int _startFrames;
        private readonly int _stopFrames;
        private int _voicedRun;
        private int _silentRun;

        public SpeechSegmenter(double startSeconds, double stopSeconds)
        {
            _startFrames = Math.Max(1, (int)Math.Round(startSeconds * 1000 / AudioFormat.FrameMilliseconds));
            _stopFrames = Math.Max(1, (int)Math.Round(stopSeconds * 1000 / AudioFormat.FrameMilliseconds));
        }

        public bool InSpeech { get; private set; }

        /// <summary>When the current (or last) segment's first voiced frame began.</summary>
        public TimeSpan SpeechStart { get; private set; }

        /// <summary>When the last voiced frame ended: the end of the player's speech once the segment stops.</summary>
        public TimeSpan LastVoicedEnd { get; private set; }

        /// <summary>Voiced frames that made the segment start, which the pre-roll must cover.</summary>
        public int StartFrames => _startFrames;

        public TimeSpan SpeechDuration => LastVoicedEnd - SpeechStart;

        public Signal Update(bool voiced, TimeSpan frameEnd)
        {
            var frame = TimeSpan.FromMilliseconds(AudioFormat.FrameMilliseconds);
            if (!InSpeech)
            {
                _voicedRun = voiced ? _voicedRun + 1 : 0;
                if (_voicedRun < _startFrames) return Signal.None;
                InSpeech = true;
                _silentRun = 0;
                SpeechStart = frameEnd - TimeSpan.FromTicks(frame.Ticks * _voicedRun);
                LastVoicedEnd = frameEnd;
                return Signal.Started;
            }
            if (voiced)
            {
                _silentRun = 0;
                LastVoicedEnd = frameEnd;
                return Signal.None;
            }
            if (++_silentRun < _stopFrames) return Signal.None;
            InSpeech = false;
            _voicedRun = 0;
            return Signal.Stopped;
        }
    }
}
