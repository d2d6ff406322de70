using System.Collections.Generic;
using VoiceNpc.Audio;

namespace VoiceNpc.Tts
{
    /// <summary>Joins the chunks of one streamed synthesis into a single chunk, shifting their alignment.</summary>
    public static class SpeechChunks
    {
        public static SpeechChunk Join(IReadOnlyList<SpeechChunk> chunks)
        {
            if (chunks.Count == 1) return chunks[0];
            var samples = new List<short>();
            var words = new List<WordTiming>();
            var phones = new List<PhoneTiming>();
            foreach (var chunk in chunks)
            {
                var offset = AudioFormat.DurationOf(samples.Count);
                samples.AddRange(chunk.Samples);
                foreach (var w in chunk.Words) words.Add(w with { Start = w.Start + offset, End = w.End + offset });
                foreach (var p in chunk.Phones) phones.Add(p with { Start = p.Start + offset, End = p.End + offset });
            }
            return new SpeechChunk(samples.ToArray(), words, phones);
        }
    }
}
