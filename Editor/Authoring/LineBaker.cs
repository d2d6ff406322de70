using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using VoiceNpc.Caching;
using VoiceNpc.Characters;
using VoiceNpc.Conversation;
using VoiceNpc.Tts;

namespace VoiceNpc.Authoring
{
    /// <summary>One line baked (or found already baked) for one voice.</summary>
    public sealed record BakedLine(string Provider, string Kind, string Text, bool AlreadyBaked, double Seconds);

    /// <summary>
    /// Pre-synthesizes what a character says when a service is down, in each of its own voices, into the audio cache
    /// the conversation reads: the fillers as whole lines (as they are played), and every scripted line (greetings,
    /// intent lines, "don't understand", deflections: what the offline brain answers) clause by clause, split exactly
    /// as the pipeline splits them, so the cache keys are the ones a turn looks up.
    /// </summary>
    public static class LineBaker
    {
        /// <summary>The lines to bake, by kind, with the keys they are played under: whole fillers, clauses of the rest.</summary>
        public static IReadOnlyList<(string Kind, string Text)> LinesOf(CharacterDefinition character)
        {
            var lines = new List<(string, string)>();
            lines.AddRange(character.Fillers.Select(f => ("filler", f)));
            var scripted = character.Greetings.Select(l => ("greeting", l))
                .Concat(character.Intents.SelectMany(i => i.Lines.Select(l => ("intent " + i.Id, l))))
                .Concat(character.DontUnderstand.Select(l => ("dont-understand", l)))
                .Concat(character.Prompt.Deflections.Select(d => ("deflection", d.Line)));
            foreach (var (kind, line) in scripted)
                foreach (var clause in Clauses(line)) lines.Add((kind, clause));
            return lines.Distinct().ToList();
        }

        /// <summary>
        /// Bakes every line for each provider in <paramref name="providers"/> (default: the character's TTS chain that
        /// the catalog can start). <paramref name="progress"/> hears each line as it is done. A provider that fails
        /// stops its own lines only; the failure is returned with the rest.
        /// </summary>
        public static async Task<(IReadOnlyList<BakedLine> Lines, IReadOnlyList<string> Failures)> BakeAsync(CharacterDefinition character, ProviderCatalog catalog,
            AudioCache cache, IReadOnlyList<string>? providers, Action<BakedLine>? progress, CancellationToken cancellationToken)
        {
            var baked = new List<BakedLine>();
            var failures = new List<string>();
            foreach (var name in providers ?? character.Fallbacks.Tts)
            {
                if (!character.Voices.TryGetValue(name, out var voice)) { failures.Add($"{name}: {character.Id} has no voice for it"); continue; }
                try
                {
                    using var tts = catalog.CreateTts(name, character);
                    foreach (var (kind, text) in LinesOf(character))
                    {
                        var key = new AudioCacheKey(tts.Name, voice, text);
                        BakedLine line;
                        if (cache.TryGet(key, out var existing)) line = new BakedLine(name, kind, text, true, existing.Duration.TotalSeconds);
                        else
                        {
                            var audio = await SpeechChunks.SynthesizeWholeAsync(tts, text, voice, cancellationToken).ConfigureAwait(false)
                                ?? SpeechChunks.Join(new SpeechChunk[0]);
                            cache.Put(key, audio);
                            line = new BakedLine(name, kind, text, false, audio.Duration.TotalSeconds);
                        }
                        baked.Add(line);
                        progress?.Invoke(line);
                    }
                }
                catch (Exception e) when (!(e is OperationCanceledException)) { failures.Add($"{name}: {e.Message}"); }
            }
            cache.Flush();
            return (baked, failures);
        }

        /// <summary>The clauses the pipeline speaks a scripted line as: streamed word by word through the clause chunker, as the scripted brain does.</summary>
        private static IEnumerable<string> Clauses(string line)
        {
            var chunker = new ClauseChunker();
            var words = line.Split(' ');
            for (int i = 0; i < words.Length; i++)
                foreach (var clause in chunker.Append(i == words.Length - 1 ? words[i] : words[i] + " ")) yield return clause;
            if (chunker.Flush() is string rest) yield return rest;
        }
    }
}
