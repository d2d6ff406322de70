using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using VoiceNpc.Hosting;
using VoiceNpc.Stt;

namespace VoiceNpc.Providers.PocketSphinx
{
    /// <summary>
    /// A character's own language model (ARPA bigram over its example phrases) and a dictionary
    /// restricted to its words. Files are cached in a folder named by a hash of the inputs (the words, the phrases and
    /// the full dictionary's SHA-256), so a vocabulary is built once and shared by every character that uses it; a
    /// folder unused for a month is removed (<see cref="GeneratedFiles"/>).
    /// </summary>
    public sealed class CharacterLanguageModel
    {
        // Bump when the file format or the smoothing changes, so stale caches are not reused.
        private const string FormatVersion = "2";
        private const string LanguageModelFile = "character.lm";
        private const string DictionaryFile = "character.dict";
        private const string MissingFile = "missing.txt";

        private CharacterLanguageModel(string folder, IReadOnlyList<string> missingWords)
        {
            LanguageModelPath = Path.Combine(folder, LanguageModelFile);
            DictionaryPath = Path.Combine(folder, DictionaryFile);
            MissingWords = missingWords;
            IsEmpty = new FileInfo(LanguageModelPath).Length == 0;
        }

        /// <summary>The ARPA file.</summary>
        public string LanguageModelPath { get; }

        /// <summary>The restricted pronunciation dictionary.</summary>
        public string DictionaryPath { get; }

        /// <summary>Vocabulary and phrase words absent from the full dictionary; they were left out.</summary>
        public IReadOnlyList<string> MissingWords { get; }

        /// <summary>True when no phrase word is in the dictionary: there was nothing to train on.</summary>
        public bool IsEmpty { get; }

        /// <summary>
        /// Builds (or finds in <paramref name="cacheDirectory"/>) the model for <paramref name="context"/>.
        /// Returns null when the context has no phrases.
        /// </summary>
        public static CharacterLanguageModel? Build(RecognitionContext context, string fullDictionaryPath, string dictionarySha256,
            string cacheDirectory)
        {
            var phrases = context.Phrases.Select(WordTokens.Split).Where(words => words.Count > 0).ToList();
            if (phrases.Count == 0)
            {
                return null;
            }

            var vocabulary = context.Vocabulary.SelectMany(WordTokens.Split).Concat(phrases.SelectMany(p => p))
                .Distinct(StringComparer.Ordinal).OrderBy(w => w, StringComparer.Ordinal).ToList();
            var folder = Path.Combine(cacheDirectory, CacheKey(vocabulary, phrases, dictionarySha256));
            // Touched before it is read, so a sweep elsewhere does not take it as unused.
            if (!GeneratedFiles.MarkUsed(folder))
            {
                Write(folder, vocabulary, phrases, fullDictionaryPath);
            }

            GeneratedFiles.Sweep(cacheDirectory, DateTime.UtcNow);

            var missing = File.ReadAllLines(Path.Combine(folder, MissingFile)).Where(w => w.Length > 0).ToList();
            return new CharacterLanguageModel(folder, missing);
        }

        private static void Write(string folder, List<string> vocabulary, List<List<string>> phrases, string fullDictionaryPath)
        {
            var dictionary = PronunciationDictionary.Restrict(fullDictionaryPath, vocabulary);
            var known = new HashSet<string>(dictionary.Found, StringComparer.Ordinal);
            var sentences = phrases.SelectMany(p => KnownRuns(p, known)).ToList();
            var arpa = sentences.Count == 0 ? string.Empty : ArpaBigramModel.Build(sentences, dictionary.Found);

            // Build beside the final folder and rename it in one step: a folder that exists is complete,
            // even when two characters build the same model at once.
            var staging = folder + ".tmp-" + Guid.NewGuid().ToString("N");
            Directory.CreateDirectory(staging);
            File.WriteAllText(Path.Combine(staging, LanguageModelFile), arpa);
            File.WriteAllLines(Path.Combine(staging, DictionaryFile), dictionary.Lines);
            File.WriteAllLines(Path.Combine(staging, MissingFile), dictionary.Missing);
            try
            {
                Directory.Move(staging, folder);
            }
            catch (IOException) when (Directory.Exists(folder))
            {
                Directory.Delete(staging, recursive: true);
            }
        }

        /// <summary>A phrase split at unknown words: a bigram across a word the decoder cannot hear would be false.</summary>
        private static IEnumerable<IReadOnlyList<string>> KnownRuns(List<string> phrase, HashSet<string> known)
        {
            var run = new List<string>();
            foreach (var word in phrase)
            {
                if (known.Contains(word))
                {
                    run.Add(word);
                }
                else if (run.Count > 0)
                {
                    yield return run;
                    run = new List<string>();
                }
            }

            if (run.Count > 0)
            {
                yield return run;
            }
        }

        /// <summary>The model depends on the words and phrases, not on their order, and on the full dictionary's content.</summary>
        private static string CacheKey(List<string> vocabulary, List<List<string>> phrases, string dictionarySha256)
        {
            var input = new StringBuilder()
                .Append(FormatVersion).Append('\n')
                .Append(dictionarySha256).Append('\n')
                .Append(string.Join(" ", vocabulary)).Append('\n')
                .Append(string.Join("\n", phrases.Select(p => string.Join(" ", p)).OrderBy(p => p, StringComparer.Ordinal)));
            using var sha = SHA256.Create();
            var hash = sha.ComputeHash(Encoding.UTF8.GetBytes(input.ToString()));
            return string.Concat(hash.Take(12).Select(b => b.ToString("x2")));
        }
    }
}
