using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using VoiceNpc.Caching;
using VoiceNpc.Characters;
using VoiceNpc.Timing;
using VoiceNpc.Tts;

namespace VoiceNpc.Conversation
{
    /// <summary>
    /// The character's filler lines, synthesized in its own voice before the conversation starts (or read from the
    /// audio cache, where baking puts them), so covering a slow answer costs no provider call and cannot itself be slow.
    /// </summary>
    internal sealed class FillerLines
    {
        // Published whole once synthesized: the pump reads it while start-up is still speaking the lines.
        private volatile (string Text, SpeechChunk Audio)[] _lines = new (string, SpeechChunk)[0];
        private int _next;

        /// <summary>Each line within the character's TTS deadline: a stalled voice must not hold the conversation's start.</summary>
        public async Task SynthesizeAsync(CharacterDefinition character, ITextToSpeech tts, AudioCache? cache, IClock clock,
            CancellationToken cancellationToken)
        {
            var lines = new List<(string, SpeechChunk)>();
            var voice = character.Voices.TryGetValue(tts.Name, out var v) ? v : new VoiceSettings("");
            foreach (var text in character.Fillers)
            {
                var key = new AudioCacheKey(tts.Name, voice, text);
                if (cache != null && cache.TryGet(key, out var cached))
                {
                    lines.Add((text, cached));
                    continue;
                }
                using var deadline = new StageDeadline(clock, character.Deadlines.Tts, tts.Name, "deadlines.ttsSeconds", cancellationToken);
                var line = await deadline.RunAsync(token => SpeechChunks.SynthesizeWholeAsync(tts, text, voice, token), "the filler line")
                    .ConfigureAwait(false);
                if (line == null) continue;
                cache?.Put(key, line);
                lines.Add((text, line));
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
