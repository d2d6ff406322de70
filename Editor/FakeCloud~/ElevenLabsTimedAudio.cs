using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;

namespace VoiceNpc.FakeCloud
{
    /// <summary>
    /// Encoded speech cut into pieces for the HTTP endpoints, each with the characters spoken in it (spread evenly over
    /// the audio; times in seconds from the start of the whole audio): the `with-timestamps` JSON objects
    /// {audio_base64, alignment, normalized_alignment}. A WAV's header goes with the first piece.
    /// </summary>
    internal sealed class ElevenLabsTimedAudio
    {
        private readonly string _text;
        private readonly byte[] _audio;
        private readonly ElevenLabsOutputFormat _format;

        public ElevenLabsTimedAudio(string text, byte[] audio, ElevenLabsOutputFormat format)
        {
            _text = text;
            _audio = audio;
            _format = format;
        }

        private int Header => ServiceAudio.HeaderBytes(_format.Encoding!.Value);

        /// <summary>The audio in pieces of about <paramref name="seconds"/> (whole sample frames); the first holds the header too.</summary>
        public IEnumerable<(int Start, int Length)> Pieces(double seconds)
        {
            int sample = ServiceAudio.BytesPerSample(_format.Encoding!.Value);
            int size = Math.Max(1, (int)(_format.BytesPerSecond * seconds) / sample) * sample;
            int start = 0;
            for (int end = Header + size; start < _audio.Length; end += size)
            {
                int length = Math.Min(end, _audio.Length) - start;
                yield return (start, length);
                start += length;
            }
        }

        public string Whole() => Json(0, _audio.Length, 0);

        /// <summary>Each piece as one line of `stream/with-timestamps`.</summary>
        public IEnumerable<string> Lines(double seconds)
        {
            int next = 0;
            foreach (var (start, length) in Pieces(seconds))
            {
                string line = Json(start, length, next);
                next = CharactersBefore(start + length);
                yield return line;
            }
        }

        private string Json(int start, int length, int firstCharacter)
        {
            int last = CharactersBefore(start + length);
            double total = Seconds(_audio.Length), perChar = total / Math.Max(1, _text.Length);
            var indices = Enumerable.Range(firstCharacter, last - firstCharacter).ToList();
            var alignment = new
            {
                characters = indices.Select(i => _text[i].ToString()).ToList(),
                character_start_times_seconds = indices.Select(i => Math.Round(i * perChar, 3)).ToList(),
                character_end_times_seconds = indices.Select(i => Math.Round((i + 1) * perChar, 3)).ToList(),
            };
            return JsonSerializer.Serialize(new { audio_base64 = Convert.ToBase64String(_audio, start, length), alignment, normalized_alignment = alignment });
        }

        /// <summary>How many characters have ended by the byte at <paramref name="end"/>.</summary>
        private int CharactersBefore(int end)
        {
            if (end >= _audio.Length) return _text.Length;
            double perChar = Seconds(_audio.Length) / Math.Max(1, _text.Length);
            return Math.Min(_text.Length, (int)Math.Floor(Seconds(end) / perChar + 1e-9));
        }

        private double Seconds(int bytes) => Math.Max(0, bytes - Header) / (double)_format.BytesPerSecond;
    }
}
