using System.Collections.Generic;
using System.Linq;
using VoiceNpc.Characters;

namespace VoiceNpc.Providers.Scripted
{
    /// <summary>
    /// Picks the intent a player line asks for: keywords weigh most (offline STT gets key words right more often than
    /// whole sentences), example phrases add their word overlap.
    /// </summary>
    public sealed class IntentMatcher
    {
        /// <summary>Below this score the character did not understand.</summary>
        public const double MinimumScore = 1.0;

        private static readonly HashSet<string> StopWords = new HashSet<string>
        {
            "a", "an", "the", "i", "you", "me", "my", "your", "to", "of", "is", "it", "do", "what", "can", "and", "for", "are", "be",
        };

        private readonly IReadOnlyList<Intent> _intents;

        public IntentMatcher(IReadOnlyList<Intent> intents) => _intents = intents;

        /// <summary>The best intent and its score, or null when nothing reaches <see cref="MinimumScore"/>.</summary>
        public (Intent Intent, double Score)? Match(string playerText)
        {
            var tokens = new HashSet<string>(TextTokens.Of(playerText));
            if (tokens.Count == 0) return null;
            (Intent Intent, double Score)? best = null;
            foreach (var intent in _intents)
            {
                double score = Score(intent, tokens);
                if (score >= MinimumScore && (best == null || score > best.Value.Score)) best = (intent, score);
            }
            return best;
        }

        private static double Score(Intent intent, HashSet<string> tokens)
        {
            double score = 0;
            foreach (var keyword in intent.Keywords)
            {
                var parts = TextTokens.Of(keyword);
                if (parts.Count > 0 && parts.All(tokens.Contains)) score += 1.0 + 0.5 * (parts.Count - 1);
            }
            double bestOverlap = 0;
            foreach (var example in intent.Examples)
            {
                var content = TextTokens.Of(example).Where(t => !StopWords.Contains(t)).Distinct().ToList();
                if (content.Count == 0) continue;
                double overlap = (double)content.Count(tokens.Contains) / content.Count;
                if (overlap > bestOverlap) bestOverlap = overlap;
            }
            return score + bestOverlap;
        }
    }
}
