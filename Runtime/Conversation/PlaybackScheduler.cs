using System;
using System.Collections.Generic;
using System.Linq;
using VoiceNpc.Audio;
using VoiceNpc.Tts;

namespace VoiceNpc.Conversation
{
    /// <summary>
    /// Feeds NPC speech to the device a few frames ahead (so barge-in can silence it quickly) and turns the alignment
    /// of each chunk into marks at absolute output positions, announced when the speakers reach them. Runs on the audio
    /// pump only.
    /// </summary>
    internal sealed class PlaybackScheduler
    {
        /// <summary>How far ahead of the speakers we write by default: small enough to stop fast, large enough not to starve.</summary>
        public const int DefaultLeadSamples = 3 * AudioFormat.FrameSamples;

        private readonly IAudioDevice _device;
        private readonly int _lead;
        private readonly Queue<(TurnContext Turn, SpeechChunk Chunk, bool IsFiller, string Text)> _pending = new Queue<(TurnContext, SpeechChunk, bool, string)>();
        private readonly List<PlaybackMark> _marks = new List<PlaybackMark>();
        private readonly List<(TurnContext Turn, long End)> _spokenWords = new List<(TurnContext, long)>();
        private (TurnContext Turn, SpeechChunk Chunk, bool IsFiller, string Text)? _current;
        private int _offset;
        private long _writtenEnd;

        public PlaybackScheduler(IAudioDevice device)
        {
            _device = device;
            _lead = device is IRealTimeAudioDevice live ? live.PlaybackLeadSamples : DefaultLeadSamples;
        }

        public bool IsEmpty => _current == null && _pending.Count == 0;

        /// <summary>True once everything handed over has been played.</summary>
        public bool IsDrained => IsEmpty && _device.PlayedSamples >= _writtenEnd;

        public void Enqueue(TurnContext turn, SpeechChunk chunk, bool isFiller, string text) => _pending.Enqueue((turn, chunk, isFiller, text));

        /// <summary>Tops the device up to the lead ahead of the speakers.</summary>
        public void Feed()
        {
            while (_device.QueuedPlaybackSamples < _lead)
            {
                if (_current == null)
                {
                    if (_pending.Count == 0) return;
                    _current = _pending.Dequeue();
                    _offset = 0;
                    AddMarks(_current.Value, _device.PlayedSamples + _device.QueuedPlaybackSamples);
                }
                var samples = _current.Value.Chunk.Samples;
                int want = Math.Min(samples.Length - _offset, _lead - _device.QueuedPlaybackSamples);
                int written = _device.WritePlayback(new ReadOnlySpan<short>(samples, _offset, want));
                _offset += written;
                if (_offset >= samples.Length) _current = null;
                if (written == 0) return;
            }
        }

        /// <summary>Removes and returns, in order, the marks the speakers have reached.</summary>
        public void TakeDueMarks(List<PlaybackMark> due)
        {
            long played = _device.PlayedSamples;
            int count = 0;
            while (count < _marks.Count && _marks[count].Position < played) count++;
            if (count == 0) return;
            for (int i = 0; i < count; i++) due.Add(_marks[i]);
            _marks.RemoveRange(0, count);
        }

        /// <summary>How many words of a turn the speakers have finished playing.</summary>
        public int HeardWordCount(TurnContext turn)
        {
            long played = _device.PlayedSamples;
            int count = 0;
            foreach (var (wordTurn, end) in _spokenWords)
                if (wordTurn == turn && end <= played) count++;
            return count;
        }

        /// <summary>Barge-in: drops everything queued here and in the device, at once.</summary>
        public void Clear()
        {
            _device.ClearPlayback();
            _pending.Clear();
            _current = null;
            _marks.Clear();
            _spokenWords.Clear();
            _writtenEnd = _device.PlayedSamples;
        }

        /// <summary>Forgets the word positions of a finished turn.</summary>
        public void Forget(TurnContext turn) => _spokenWords.RemoveAll(w => w.Turn == turn);

        private void AddMarks((TurnContext Turn, SpeechChunk Chunk, bool IsFiller, string Text) segment, long start)
        {
            var (turn, chunk, isFiller, text) = segment;
            long end = start + chunk.Samples.Length;
            _writtenEnd = end;
            var added = new List<PlaybackMark> { new PlaybackMark(start, PlaybackMarkKind.SegmentStart, turn, isFiller, text, chunk.Duration) };
            foreach (var word in chunk.Words)
            {
                long position = start + AudioFormat.SamplesIn(word.Start);
                added.Add(new PlaybackMark(position, PlaybackMarkKind.Word, turn, isFiller, word.Word, word.End - word.Start));
                if (!isFiller) _spokenWords.Add((turn, start + AudioFormat.SamplesIn(word.End)));
            }
            foreach (var phone in chunk.Phones)
            {
                long position = start + AudioFormat.SamplesIn(phone.Start);
                added.Add(new PlaybackMark(position, PlaybackMarkKind.Phone, turn, isFiller, phone.Phone, phone.End - phone.Start));
            }
            added.Add(new PlaybackMark(end - 1, PlaybackMarkKind.SegmentEnd, turn, isFiller, text, chunk.Duration));
            // Chunks play one after another, so this chunk's marks all follow the ones already queued; a stable sort
            // keeps a word before the phone that starts with it.
            _marks.AddRange(added.OrderBy(m => m.Position));
        }
    }
}
