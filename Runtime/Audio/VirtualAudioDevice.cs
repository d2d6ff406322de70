using System;
using System.Collections.Generic;

namespace VoiceNpc.Audio
{
    /// <summary>
    /// A microphone and speakers made of files: the microphone plays a <see cref="PlayerScript"/>, the speakers record.
    /// Each <see cref="ReadCapture"/> is one step of time for both, so the device runs in real time under the system
    /// clock and as fast as the pipeline allows under a virtual one. Everything the NPC says is kept in
    /// <see cref="NpcAudio"/> (indexed like <see cref="PlayedSamples"/>), and the whole session in <see cref="Timeline"/>.
    /// </summary>
    public sealed class VirtualAudioDevice : IAudioDevice
    {
        private readonly PlayerScript _script;
        private readonly Queue<short> _playback = new Queue<short>();
        private readonly List<short> _npcAudio = new List<short>();
        private readonly List<short> _timeline = new List<short>();
        private readonly List<int> _unheard = new List<int>();
        private int _clip = -1, _clipOffset;
        private bool _clipHeard;
        private long _now, _waitingSince, _npcStartedAt = -1, _npcLastAudioAt = -1;

        public VirtualAudioDevice(PlayerScript script) => _script = script;

        public long PlayedSamples { get; private set; }
        public int QueuedPlaybackSamples => _playback.Count;
        public string? Fault { get; set; }

        /// <summary>Every clip was spoken and the NPC answered (or timed out) after the last one.</summary>
        public bool ScriptFinished { get; private set; }

        /// <summary>
        /// Whether the listener is taking the player in right now (e.g. a conversation that is not listening idly).
        /// Asked once per capture read, on the thread that reads: a clip it never said yes to is unheard.
        /// </summary>
        public Func<bool>? Hearing { get; set; }

        /// <summary>The clips (by index) the listener showed no sign of hearing, which the player gave up on.</summary>
        public IReadOnlyList<int> UnheardClips => _unheard;

        public IReadOnlyList<short> NpcAudio => _npcAudio;
        public IReadOnlyList<short> Timeline => _timeline;

        public int ReadCapture(Span<short> destination)
        {
            if (_clip >= 0 && Hearing?.Invoke() == true) _clipHeard = true;
            for (int i = 0; i < destination.Length; i++) destination[i] = NextPlayerSample();
            PlayOut(destination.Length);
            _now += destination.Length;
            return destination.Length;
        }

        public int WritePlayback(ReadOnlySpan<short> samples)
        {
            foreach (short s in samples) _playback.Enqueue(s);
            return samples.Length;
        }

        public void ClearPlayback() => _playback.Clear();

        public void Dispose() { }

        private short NextPlayerSample()
        {
            if (_clip >= 0 && _clipOffset < _script.Clips[_clip].Length) return _script.Clips[_clip][_clipOffset++];
            if (ShouldStartNextClip())
            {
                if (_clip + 1 >= _script.Clips.Count) { ScriptFinished = _clip >= 0; _waitingSince = long.MaxValue; return 0; }
                _clip++;
                _clipOffset = 0;
                _clipHeard = false;
                _npcStartedAt = _npcLastAudioAt = -1;
                return _script.Clips[_clip].Length > 0 ? _script.Clips[_clip][_clipOffset++] : (short)0;
            }
            return 0;
        }

        private bool ShouldStartNextClip()
        {
            if (_clip >= 0 && _clipOffset == _script.Clips[_clip].Length)
            {
                _waitingSince = _now;
                _clipOffset++;   // mark "finished" once
            }
            long now = _now;
            if (_clip < 0) return now >= AudioFormat.SamplesIn(_script.LeadIn);
            if (_waitingSince == long.MaxValue) return false;
            if (_script.BargeInAfter is TimeSpan barge && _npcStartedAt >= 0 && now - _npcStartedAt >= AudioFormat.SamplesIn(barge)) return true;
            if (_npcLastAudioAt >= 0 && _playback.Count == 0 && now - _npcLastAudioAt >= AudioFormat.SamplesIn(_script.ReplyGap)) return true;
            if (Hearing != null && !_clipHeard && now - _waitingSince >= AudioFormat.SamplesIn(_script.UnheardTimeout))
            {
                _unheard.Add(_clip);
                return true;
            }
            return now - _waitingSince >= AudioFormat.SamplesIn(_script.ReplyTimeout);
        }

        private void PlayOut(int count)
        {
            int played = Math.Min(count, _playback.Count);
            for (int i = 0; i < played; i++)
            {
                short s = _playback.Dequeue();
                _npcAudio.Add(s);
                _timeline.Add(s);
            }
            for (int i = played; i < count; i++) _timeline.Add(0);
            PlayedSamples += played;
            if (played == 0) return;
            if (_npcStartedAt < 0) _npcStartedAt = _now;
            _npcLastAudioAt = _now + played;
        }
    }
}
