using System;
using System.Collections.Generic;
using System.Text;
using VoiceNpc.Tts;

namespace VoiceNpc.Providers.ElevenLabs
{
    /// <summary>
    /// Turns ElevenLabs' per-character alignment into word timings (for subtitles) and phone-like timings (for
    /// visemes: letters map to the nearest ARPAbet phone, spaces and punctuation to a pause). Words may span chunks:
    /// a word is emitted with the chunk where it ends, its start relative to that chunk (negative if earlier).
    /// </summary>
    internal sealed class CharacterAlignment
    {
        private readonly StringBuilder _word = new StringBuilder();
        private double _wordStart = -1, _wordEnd;

        /// <summary>Adds one chunk's characters (times in seconds from the stream start); returns its words and phones.</summary>
        public (List<WordTiming> Words, List<PhoneTiming> Phones) Add(IReadOnlyList<string> characters, IReadOnlyList<double> starts, IReadOnlyList<double> ends, double chunkStart)
        {
            var words = new List<WordTiming>();
            var phones = new List<PhoneTiming>();
            for (int i = 0; i < characters.Count && i < starts.Count && i < ends.Count; i++)
            {
                string c = characters[i];
                phones.Add(new PhoneTiming(PhoneOf(c), Relative(starts[i], chunkStart), Relative(ends[i], chunkStart)));
                if (c.Trim().Length == 0) { Flush(words, chunkStart); continue; }
                if (_wordStart < 0) _wordStart = starts[i];
                _word.Append(c);
                _wordEnd = ends[i];
            }
            return (words, phones);
        }

        /// <summary>The last word, once the stream has ended.</summary>
        public List<WordTiming> Finish(double chunkStart)
        {
            var words = new List<WordTiming>();
            Flush(words, chunkStart);
            return words;
        }

        private void Flush(List<WordTiming> words, double chunkStart)
        {
            if (_word.Length == 0) return;
            words.Add(new WordTiming(_word.ToString(), Relative(_wordStart, chunkStart), Relative(_wordEnd, chunkStart)));
            _word.Clear();
            _wordStart = -1;
        }

        private static TimeSpan Relative(double seconds, double chunkStart) => TimeSpan.FromSeconds(seconds - chunkStart);

        private static string PhoneOf(string character)
        {
            switch (character.ToLowerInvariant())
            {
                case "a": return "aa";
                case "e": return "eh";
                case "i": case "y": return "iy";
                case "o": return "ow";
                case "u": return "uw";
                case "m": case "b": case "p": case "f": case "v": case "l": case "w": case "r": return character.ToLowerInvariant();
                default: return character.Length > 0 && char.IsLetter(character, 0) ? character.ToLowerInvariant() : "pau";   // "" from a null character too
            }
        }
    }
}
