using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using VoiceNpc.Audio;
using VoiceNpc.Characters;

namespace VoiceNpc.Tts
{
    /// <summary>Joins the chunks of one streamed synthesis into a single chunk, shifting their alignment.</summary>
    public static class SpeechChunks
    {
        /// <summary>The whole of <paramref name="text"/> spoken by <paramref name="tts"/> as one chunk; null when it gave no chunk at all.</summary>
        public static async Task<SpeechChunk?> SynthesizeWholeAsync(ITextToSpeech tts, string text, VoiceSettings voice, CancellationToken cancellationToken)
        {
            var chunks = new List<SpeechChunk>();
            await foreach (var chunk in tts.SynthesizeAsync(text, voice, cancellationToken).ConfigureAwait(false)) chunks.Add(chunk);
            return chunks.Count == 0 ? null : Join(chunks);
        }

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
