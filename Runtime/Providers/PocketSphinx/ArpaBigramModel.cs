using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace VoiceNpc.Providers.PocketSphinx
{
    /// <summary>
    /// A bigram language model in ARPA format with interpolated Witten-Bell smoothing, written in
    /// backoff form. Unigrams interpolate with a uniform distribution so that vocabulary words no
    /// phrase uses can still be heard.
    /// </summary>
    internal static class ArpaBigramModel
    {
        public const string SentenceStart = "<s>";
        public const string SentenceEnd = "</s>";

        /// <summary>Log10 probability ARPA readers take as "never": &lt;s&gt; is a context, not a prediction.</summary>
        private const double Never = -99;

        /// <param name="sentences">Training sentences, without &lt;s&gt; and &lt;/s&gt;; every word must be in <paramref name="vocabulary"/>.</param>
        /// <param name="vocabulary">Every word the model may predict.</param>
        public static string Build(IEnumerable<IReadOnlyList<string>> sentences, IEnumerable<string> vocabulary)
        {
            // Unigram order: <s>, </s>, then the words sorted, so the file is the same for the same input.
            var words = new List<string> { SentenceStart, SentenceEnd };
            words.AddRange(vocabulary.Distinct(StringComparer.Ordinal).OrderBy(w => w, StringComparer.Ordinal));
            var index = new Dictionary<string, int>(StringComparer.Ordinal);
            for (int i = 0; i < words.Count; i++)
            {
                index[words[i]] = i;
            }

            var unigramCounts = new int[words.Count];
            var bigramCounts = new Dictionary<(int History, int Word), int>();
            foreach (var sentence in sentences)
            {
                int previous = 0;
                foreach (var word in sentence.Select(w => index[w]).Append(1))
                {
                    unigramCounts[word]++;
                    bigramCounts.TryGetValue((previous, word), out int count);
                    bigramCounts[(previous, word)] = count + 1;
                    previous = word;
                }
            }

            var unigram = UnigramProbabilities(unigramCounts);
            var histories = bigramCounts
                .GroupBy(pair => pair.Key.History)
                .ToDictionary(group => group.Key, group => (Tokens: group.Sum(p => p.Value), Types: group.Count()));

            // Interpolated Witten-Bell: P(w|h) = (c(h,w) + T(h)·P(w)) / (c(h) + T(h)); what seen
            // bigrams leave over is T(h) / (c(h) + T(h)) of the unigram mass, which is the backoff weight.
            var text = new StringBuilder();
            text.Append("\\data\\\n");
            text.Append("ngram 1=").Append(words.Count).Append('\n');
            text.Append("ngram 2=").Append(bigramCounts.Count).Append("\n\n\\1-grams:\n");
            for (int w = 0; w < words.Count; w++)
            {
                double probability = w == 0 ? Never : Log10(unigram[w]);
                text.Append(Format(probability)).Append(' ').Append(words[w]);
                if (w != 1)
                {
                    double backoff = histories.TryGetValue(w, out var h) ? (double)h.Types / (h.Tokens + h.Types) : 1.0;
                    text.Append(' ').Append(Format(Log10(backoff)));
                }

                text.Append('\n');
            }

            text.Append("\n\\2-grams:\n");
            foreach (var pair in bigramCounts.OrderBy(p => p.Key.History).ThenBy(p => p.Key.Word))
            {
                var h = histories[pair.Key.History];
                double probability = (pair.Value + h.Types * unigram[pair.Key.Word]) / (h.Tokens + h.Types);
                text.Append(Format(Log10(probability))).Append(' ')
                    .Append(words[pair.Key.History]).Append(' ').Append(words[pair.Key.Word]).Append('\n');
            }

            text.Append("\n\\end\\\n");
            return text.ToString();
        }

        /// <summary>Witten-Bell against a uniform distribution over every predictable word (all but &lt;s&gt;).</summary>
        private static double[] UnigramProbabilities(int[] counts)
        {
            int predictable = counts.Length - 1;
            double tokens = counts.Sum();
            double types = counts.Count(c => c > 0);
            var probabilities = new double[counts.Length];
            for (int w = 1; w < counts.Length; w++)
            {
                probabilities[w] = (counts[w] + types / predictable) / (tokens + types);
            }

            return probabilities;
        }

        // Rounding must never push a probability above 1 (a positive log).
        private static double Log10(double probability) => Math.Min(0.0, Math.Log10(probability));

        private static string Format(double value) => value.ToString("0.000000", CultureInfo.InvariantCulture);
    }
}
