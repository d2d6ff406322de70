using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using VoiceNpc.Characters;
using VoiceNpc.Tts;

namespace VoiceNpc.Conversation
{
    /// <summary>
    /// The character's filler lines, synthesized in its own voice before the conversation starts, so covering a slow
    /// answer costs no provider call and cannot itself be slow.
    /// </summary>
    internal sealed class FillerLines
    {
        // Published whole once synthesized: the pump reads it while start-up is still speaking the lines.
        private volatile (string Text, SpeechChunk Audio)[] _lines = new (string, SpeechChunk)[0];
        private int _next;

        public async Task SynthesizeAsync(CharacterDefinition character, ITextToSpeech tts, CancellationToken cancellationToken)
        {
            var lines = new List<(string, SpeechChunk)>();
            var voice = character.Voices.TryGetValue(tts.Name, out var v) ? v : new VoiceSettings("");
            foreach (var text in character.Fillers)
            {
                var samples = new List<short>();
                var words = new List<WordTiming>();
                var phones = new List<PhoneTiming>();
                await foreach (var chunk in tts.SynthesizeAsync(text, voice, cancellationToken).ConfigureAwait(false))
                {
                    var offset = Audio.AudioFormat.DurationOf(samples.Count);
                    samples.AddRange(chunk.Samples);
                    foreach (var w in chunk.Words) words.Add(w with { Start = w.Start + offset, End = w.End + offset });
                    foreach (var p in chunk.Phones) phones.Add(p with { Start = p.Start + offset, End = p.End + offset });
                }
                if (samples.Count > 0) lines.Add((text, new SpeechChunk(samples.ToArray(), words, phones)));
            }
            _lines = lines.ToArray();
        }

        /// <summary>The next filler, rotating so the same one is not heard twice in a row; null when there are none.</summary>
        public (string Text, SpeechChunk Audio)? Next()
        {
            var lines = _lines;
            if (lines.Length == 0) return null;
            return lines[_next++ % lines.Length];
        }
    }
}
