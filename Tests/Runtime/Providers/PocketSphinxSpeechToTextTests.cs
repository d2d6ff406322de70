using VoiceNpc.Tests.Support;
using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;
using VoiceNpc.Audio;
using VoiceNpc.Hosting;
using VoiceNpc.Providers;
using VoiceNpc.Providers.PocketSphinx;
using VoiceNpc.Stt;

namespace VoiceNpc.Tests.Providers
{
    [TestFixture]
    public sealed class PocketSphinxSpeechToTextTests
    {
        private static readonly RecognitionContext Merchant = new RecognitionContext(
            new[]
            {
                "sword", "axe", "shield", "repair", "sell", "buy", "price", "how", "much", "is", "what", "do", "you",
                "can", "fix", "my", "a", "the", "hello", "there", "goodbye", "and", "zorblax",
            },
            new[] { "what do you sell", "can you repair my sword", "how much is a shield", "hello there", "goodbye" });

        private string _cache = string.Empty;
        private PocketSphinxSpeechToText _character = null!;
        // Open speech needs the generic model, a development file (.artifacts/models), not in the package: absent in Unity.
        private PocketSphinxSpeechToText? _generic;

        [OneTimeSetUp]
        public async Task LoadModels()
        {
            _cache = Path.Combine(Path.GetTempPath(), "voicenpc-tests-" + Guid.NewGuid().ToString("N"));
            _character = new PocketSphinxSpeechToText(new PocketSphinxOptions { CacheDirectory = _cache });
            await _character.PrepareAsync(Merchant, CancellationToken.None);
            if (!File.Exists(RepoPaths.GenericLanguageModel)) return;
            _generic = new PocketSphinxSpeechToText(new PocketSphinxOptions
                { UseCharacterModel = false, LanguageModelPath = RepoPaths.GenericLanguageModel, CacheDirectory = _cache });
            await _generic.PrepareAsync(Merchant, CancellationToken.None);
        }

        [OneTimeTearDown]
        public void Cleanup()
        {
            _character.Dispose();
            _generic?.Dispose();
            if (Directory.Exists(_cache))
            {
                Directory.Delete(_cache, recursive: true);
            }
        }

        [TestCase("can you repair my sword", "repair", "sword")]
        [TestCase("what do you sell", "sell")]
        [TestCase("how much is a shield", "shield")]
        public async Task CharacterModelHearsTheKeyWords(string said, params string[] keyWords)
        {
            var transcript = await RecognizeAsync(_character, FliteTestSpeech.Synthesize(said), AudioFormat.FrameSamples);

            Assert.That(_character.UsesCharacterModel, Is.True);
            Assert.That(transcript.IsFinal, Is.True);
            Assert.That(transcript.Words.Select(w => w.Text), Is.SupersetOf(keyWords), transcript.Text);
        }

        [Test]
        public async Task WordsHaveOrderedTimesInsideTheAudio()
        {
            var leadingSilence = new short[AudioFormat.SampleRate];
            var audio = leadingSilence.Concat(FliteTestSpeech.Synthesize("can you repair my sword")).ToArray();

            var transcript = await RecognizeAsync(_character, audio, AudioFormat.FrameSamples);

            Assert.That(transcript.Words, Is.Not.Empty);
            Assert.That(transcript.Text, Is.EqualTo(string.Join(" ", transcript.Words.Select(w => w.Text))));
            var previousEnd = TimeSpan.Zero;
            foreach (var word in transcript.Words)
            {
                Assert.That(word.Start, Is.GreaterThanOrEqualTo(previousEnd), word.Text);
                Assert.That(word.End, Is.GreaterThan(word.Start), word.Text);
                Assert.That(word.Confidence, Is.InRange(0f, 1f), word.Text);
                Assert.That(word.Text, Does.Not.Contain("(").And.Not.StartWith("<").And.Not.StartWith("["));
                previousEnd = word.End;
            }

            Assert.That(previousEnd, Is.LessThanOrEqualTo(AudioFormat.DurationOf(audio.Length)));
        }

        [Test]
        public async Task ChunkSizeDoesNotChangeTheResult()
        {
            var audio = FliteTestSpeech.Synthesize("can you repair my sword");

            var inFrames = await RecognizeAsync(_character, audio, AudioFormat.FrameSamples);
            var inOneWrite = await RecognizeAsync(_character, audio, audio.Length);

            Assert.That(inFrames.Text, Is.EqualTo(inOneWrite.Text));
        }

        [Test]
        public async Task GenericModelStillHearsSomething()
        {
            var generic = _generic;
            if (generic == null)
            {
                Assert.Ignore("the generic language model is a development file, not in the package: " + RepoPaths.GenericLanguageModel);
                return;
            }
            var transcript = await RecognizeAsync(generic, FliteTestSpeech.Synthesize("can you repair my sword"), AudioFormat.FrameSamples);

            Assert.That(generic.UsesCharacterModel, Is.False);
            Assert.That(transcript.Text, Is.Not.Empty);
        }

        [Test]
        public async Task SilenceGivesAnEmptyTranscript()
        {
            var silence = new short[AudioFormat.SampleRate * 2];

            var transcript = await RecognizeAsync(_character, silence, AudioFormat.FrameSamples);

            Assert.That(transcript.Text, Is.Empty);
            Assert.That(transcript.Words, Is.Empty);
        }

        [Test]
        public async Task LongUtteranceRaisesInterimResults()
        {
            var events = new RecordingEvents();
            var audio = FliteTestSpeech.Synthesize("hello there. can you repair my sword? how much is a shield? what do you sell? goodbye.");

            var transcript = await RecognizeAsync(_character, audio, AudioFormat.FrameSamples, events);

            Assert.That(events.Interims, Is.Not.Empty);
            Assert.That(events.Interims.Select(t => t.IsFinal), Has.All.False);
            Assert.That(events.Interims.Select(t => t.Text), Has.All.Not.Empty);
            Assert.That(events.Interims.Select(t => t.Text), Is.Unique);
            Assert.That(transcript.Words.Select(w => w.Text), Is.SupersetOf(new[] { "repair", "sword", "shield", "sell" }), transcript.Text);
        }

        [Test]
        public async Task SilenceAfterSpeechSignalsEndOfSpeech()
        {
            var events = new RecordingEvents();
            var audio = FliteTestSpeech.Synthesize("what do you sell").Concat(new short[AudioFormat.SampleRate]).ToArray();

            await RecognizeAsync(_character, audio, AudioFormat.FrameSamples, events);

            Assert.That(events.EndsOfSpeech, Is.EqualTo(1));
        }

        [Test]
        public async Task OneUtteranceAtATime()
        {
            using var first = await _character.StartAsync(new RecordingEvents(), CancellationToken.None);

            Assert.That(() => _character.StartAsync(new RecordingEvents(), CancellationToken.None), Throws.InstanceOf<InvalidOperationException>());
        }

        [Test]
        public async Task DisposedStreamFreesTheDecoderForTheNextUtterance()
        {
            var abandoned = await _character.StartAsync(new RecordingEvents(), CancellationToken.None);
            await abandoned.WriteAsync(FliteTestSpeech.Synthesize("goodbye"), CancellationToken.None);
            abandoned.Dispose();

            var transcript = await RecognizeAsync(_character, FliteTestSpeech.Synthesize("what do you sell"), AudioFormat.FrameSamples);

            Assert.That(transcript.Words.Select(w => w.Text), Does.Contain("sell"));
        }

        [Test]
        public async Task DisposingTheRecogniserDuringAnUtteranceStopsItSafely()
        {
            var recognizer = new PocketSphinxSpeechToText(new PocketSphinxOptions { CacheDirectory = _cache });
            await recognizer.PrepareAsync(Merchant, CancellationToken.None);
            var stream = await recognizer.StartAsync(new RecordingEvents(), CancellationToken.None);
            await stream.WriteAsync(FliteTestSpeech.Synthesize("hello there"), CancellationToken.None);

            recognizer.Dispose();

            Assert.That(async () => await stream.WriteAsync(new short[AudioFormat.FrameSamples], CancellationToken.None), Throws.InstanceOf<ObjectDisposedException>());
            Assert.That(() => stream.Dispose(), Throws.Nothing);
        }

        [Test]
        public void MissingModelFolderNamesTheFileAndWhatToDo()
        {
            var folder = Path.Combine(Path.GetTempPath(), "no-such-model-" + Guid.NewGuid().ToString("N"));
            using var recognizer = new PocketSphinxSpeechToText(new PocketSphinxOptions { ModelFolder = folder, CacheDirectory = _cache });

            Assert.That(
                () => recognizer.PrepareAsync(Merchant, CancellationToken.None),
                Throws.InstanceOf<ProviderException>()
                    .With.Message.Contains("at " + Path.Combine(folder, ModelFiles.SphinxModelDefinition.FileName) + " was not found;")
                    .And.Message.Contains("run ./build.sh")
                    .And.Property(nameof(ProviderException.Provider)).EqualTo("pocketsphinx")
                    .And.Property(nameof(Exception.InnerException)).InstanceOf<ModelFileException>());
        }

        [Test]
        public void DamagedDictionaryIsRefusedBeforeTheDecoderReadsIt()
        {
            var folder = ModelFolderCopy.Of(ModelFiles.All, Path.Combine(_cache, "damaged"));
            ModelFolderCopy.FlipLastByte(Path.Combine(folder, ModelFiles.SphinxDictionary.FileName));
            using var recognizer = new PocketSphinxSpeechToText(new PocketSphinxOptions { ModelFolder = folder, CacheDirectory = _cache });

            Assert.That(() => recognizer.PrepareAsync(Merchant, CancellationToken.None),
                Throws.InstanceOf<ProviderException>().With.Message.Contains(ModelFiles.SphinxDictionary.FileName + ") at " + Path.Combine(folder, ModelFiles.SphinxDictionary.FileName)
                    + " is damaged: SHA-256"));
        }

        [Test]
        public void OpenSpeechWithoutAGenericModelSaysWhichOptionIsMissing()
        {
            using var recognizer = new PocketSphinxSpeechToText(new PocketSphinxOptions { UseCharacterModel = false, CacheDirectory = _cache });

            Assert.That(() => recognizer.PrepareAsync(Merchant, CancellationToken.None),
                Throws.InstanceOf<ProviderException>().With.Message.Contains("PocketSphinxOptions.LanguageModelPath"));
        }

        [Test]
        public void WordsMissingFromTheDictionaryAreReported()
        {
            Assert.That(_character.MissingWords, Is.EqualTo(new[] { "zorblax" }));
        }

        [Test]
        public void CharacterModelIsAValidArpaFile()
        {
            var model = BuildModel(Merchant);
            var arpa = ArpaFile.Read(model.LanguageModelPath);

            Assert.That(arpa.DeclaredCounts, Is.EqualTo(new[] { arpa.Unigrams.Count, arpa.Bigrams.Count }));
            Assert.That(arpa.Unigrams.Keys, Does.Contain("<s>").And.Contain("</s>").And.Contain("sword").And.Contain("axe"));
            Assert.That(arpa.Unigrams.Keys, Does.Not.Contain("zorblax"));
            Assert.That(arpa.Unigrams.Values.Select(u => u.LogProbability), Has.All.LessThanOrEqualTo(0));
            Assert.That(arpa.Unigrams.Values.Select(u => u.LogBackoff), Has.All.LessThanOrEqualTo(0));
            Assert.That(arpa.Bigrams.Values, Has.All.LessThanOrEqualTo(0));
            Assert.That(arpa.Bigrams.Keys.SelectMany(k => k.Split(' ')).Distinct(), Is.SubsetOf(arpa.Unigrams.Keys));
        }

        [Test]
        public void CharacterModelDistributionsSumToOne()
        {
            var arpa = ArpaFile.Read(BuildModel(Merchant).LanguageModelPath);
            var predictable = arpa.Unigrams.Keys.Where(w => w != "<s>").ToList();

            Assert.That(predictable.Sum(w => Math.Pow(10, arpa.Unigrams[w].LogProbability)), Is.EqualTo(1.0).Within(1e-4));
            foreach (var history in arpa.Unigrams.Keys.Where(w => w != "</s>"))
            {
                Assert.That(predictable.Sum(w => arpa.Probability(history, w)), Is.EqualTo(1.0).Within(1e-4), history);
            }
        }

        [Test]
        public void DictionaryKeepsOnlyTheCharacterWordsWithTheirAlternatePronunciations()
        {
            var lines = File.ReadAllLines(BuildModel(Merchant).DictionaryPath);
            var words = lines.Select(l => l.Split(' ')[0]).ToList();

            Assert.That(words, Does.Contain("the").And.Contain("the(2)").And.Contain("sword"));
            Assert.That(words.Select(w => w.Split('(')[0]).Distinct(), Is.EquivalentTo(Merchant.Vocabulary.Where(w => w != "zorblax")));
        }

        [Test]
        public void SameVocabularyReusesTheCachedModel()
        {
            var first = BuildModel(Merchant);
            var again = BuildModel(new RecognitionContext(Merchant.Vocabulary.Reverse().ToList(), Merchant.Phrases));
            var other = BuildModel(new RecognitionContext(Merchant.Vocabulary, new[] { "goodbye" }));

            Assert.That(again.LanguageModelPath, Is.EqualTo(first.LanguageModelPath));
            Assert.That(other.LanguageModelPath, Is.Not.EqualTo(first.LanguageModelPath));
        }

        [Test]
        public void ContextWithoutPhrasesHasNoCharacterModel()
        {
            Assert.That(BuildModel(new RecognitionContext(new[] { "sword" }, Array.Empty<string>()), allowNull: true), Is.Null);
        }

        private CharacterLanguageModel BuildModel(RecognitionContext context, bool allowNull = false)
        {
            var dictionary = ModelCheck.Require(ModelFiles.SphinxDictionary);
            var model = CharacterLanguageModel.Build(context, dictionary, ModelFiles.SphinxDictionary.Sha256, _cache);
            return allowNull ? model! : model ?? throw new AssertionException("no model was built");
        }

        private static async Task<Transcript> RecognizeAsync(ISpeechToText recognizer, short[] audio, int chunkSamples, ISpeechRecognitionEvents? events = null)
        {
            using var stream = await recognizer.StartAsync(events ?? new RecordingEvents(), CancellationToken.None);
            for (int offset = 0; offset < audio.Length; offset += chunkSamples)
            {
                await stream.WriteAsync(audio.AsMemory(offset, Math.Min(chunkSamples, audio.Length - offset)), CancellationToken.None);
            }

            return await stream.FinalizeAsync(CancellationToken.None);
        }

        private sealed class RecordingEvents : ISpeechRecognitionEvents
        {
            private readonly List<Transcript> _interims = new List<Transcript>();
            private int _endsOfSpeech;

            public IReadOnlyList<Transcript> Interims
            {
                get
                {
                    lock (_interims)
                    {
                        return _interims.ToList();
                    }
                }
            }

            public int EndsOfSpeech => Volatile.Read(ref _endsOfSpeech);

            public void OnInterim(Transcript transcript)
            {
                lock (_interims)
                {
                    _interims.Add(transcript);
                }
            }

            public void OnEndOfSpeech() => Interlocked.Increment(ref _endsOfSpeech);
        }

        /// <summary>The parts of an ARPA file the tests check, with the backoff rule to query it.</summary>
        private sealed class ArpaFile
        {
            public List<int> DeclaredCounts { get; } = new List<int>();

            public Dictionary<string, (double LogProbability, double LogBackoff)> Unigrams { get; } = new Dictionary<string, (double, double)>();

            public Dictionary<string, double> Bigrams { get; } = new Dictionary<string, double>();

            public static ArpaFile Read(string path)
            {
                var arpa = new ArpaFile();
                var lines = File.ReadAllLines(path).Where(l => l.Trim().Length > 0).ToList();
                Assert.That(lines.First(), Is.EqualTo("\\data\\"));
                Assert.That(lines.Last(), Is.EqualTo("\\end\\"));
                string section = "\\data\\";
                foreach (var line in lines.Skip(1).Take(lines.Count - 2))
                {
                    if (line.StartsWith("\\", StringComparison.Ordinal))
                    {
                        section = line;
                        continue;
                    }

                    var fields = line.Split(' ');
                    switch (section)
                    {
                        case "\\data\\":
                            arpa.DeclaredCounts.Add(int.Parse(line.Split('=')[1], CultureInfo.InvariantCulture));
                            break;
                        case "\\1-grams:":
                            arpa.Unigrams.Add(fields[1], (Number(fields[0]), fields.Length > 2 ? Number(fields[2]) : 0));
                            break;
                        case "\\2-grams:":
                            Assert.That(fields, Has.Length.EqualTo(3), line);
                            arpa.Bigrams.Add(fields[1] + " " + fields[2], Number(fields[0]));
                            break;
                        default:
                            Assert.Fail("unexpected section " + section);
                            break;
                    }
                }

                return arpa;
            }

            public double Probability(string history, string word) =>
                Bigrams.TryGetValue(history + " " + word, out var log)
                    ? Math.Pow(10, log)
                    : Math.Pow(10, Unigrams[history].LogBackoff + Unigrams[word].LogProbability);

            private static double Number(string text) => double.Parse(text, CultureInfo.InvariantCulture);
        }
    }

    /// <summary>
    /// Speech for the tests from the Flite provider's kal16 voice: deterministic, so recognition results repeat exactly.
    /// </summary>
    internal static class FliteTestSpeech
    {
        public static short[] Synthesize(string text) =>
            new VoiceNpc.Providers.Flite.FliteTextToSpeech()
                .SynthesizeAsync(text, new VoiceNpc.Characters.VoiceSettings("kal16"), default)
                .ToBlockingList().SelectMany(c => c.Samples).ToArray();
    }
}
