using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using VoiceNpc.Brain;
using VoiceNpc.Characters;
using VoiceNpc.Conversation;

namespace VoiceNpc.Providers.Scripted
{
    /// <summary>
    /// The offline brain: matches the player's line to one of the character's intents and answers with one of its
    /// lines, rotating through them so repeats vary. Greetings answer a hello, a topic to deflect gets its deflection
    /// line, "don't understand" lines answer the rest.
    /// Also every character's outage fallback, because it needs no network.
    /// </summary>
    public sealed class ScriptedBrain : ICharacterBrain
    {
        private readonly Dictionary<string, int> _timesUsed = new Dictionary<string, int>();

        public string Name => ProviderNames.Scripted;

        /// <summary>The id of the intent the last reply answered ("greeting", "dont-understand" or a character intent).</summary>
        public string? LastIntent { get; private set; }

        public async IAsyncEnumerable<string> StreamReplyAsync(BrainRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            string line = ContinuationOf(ChooseLine(request), request.SpokenSoFar);
            if (line.Length == 0) yield break;   // the brain before this one had said all of it
            // Stream word by word, as an LLM streams tokens, so the rest of the pipeline behaves the same.
            var words = line.Split(' ');
            for (int i = 0; i < words.Length; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                yield return i == words.Length - 1 ? words[i] : words[i] + " ";
                if (i % 4 == 3) await Task.Yield();
            }
        }

        public string ChooseLine(BrainRequest request)
        {
            var character = request.Character;
            // Topics to deflect match like intents, so the offline brain steers away from them just as the prompt asks an LLM to.
            var deflections = character.Prompt.Deflections.Select((d, i) => new Intent($"deflect-{i + 1}", d.Topics, new string[0], new[] { d.Line }));
            var intents = character.Intents.Concat(deflections).Concat(new[] { BuiltInIntents.Greeting }).ToList();
            var match = new IntentMatcher(intents).Match(request.PlayerText);
            if (match == null)
            {
                LastIntent = "dont-understand";
                return Rotate("dont-understand", character.DontUnderstand);
            }
            LastIntent = match.Value.Intent.Id;
            if (match.Value.Intent.Remember is string kind) request.Memory?.RememberFact(kind, request.PlayerText, Name);
            var lines = match.Value.Intent == BuiltInIntents.Greeting ? character.Greetings : match.Value.Intent.Lines;
            return Rotate(LastIntent, lines);
        }

        /// <summary>
        /// Taking over a reply another brain started: the rest of the line when the player already heard its start,
        /// else the whole line (it stands as the character's own answer after the words already said).
        /// </summary>
        private static string ContinuationOf(string line, string spokenSoFar)
        {
            var restatement = new SpokenPrefixFilter(spokenSoFar);
            return restatement.Filter(line) + restatement.Flush();
        }

        private string Rotate(string key, IReadOnlyList<string> lines)
        {
            if (lines.Count == 0) return "...";
            _timesUsed.TryGetValue(key, out int used);
            _timesUsed[key] = used + 1;
            return lines[used % lines.Count];
        }

        public void Dispose() { }
    }
}
