using System;
using System.IO;
using System.Linq;
using System.Threading;
using NUnit.Framework;
using VoiceNpc.Audio;
using VoiceNpc.Authoring;
using VoiceNpc.Caching;
using VoiceNpc.Characters;
using VoiceNpc.Providers;
using VoiceNpc.Tests.Support;

namespace VoiceNpc.Tests.Authoring
{
    /// <summary>Voice preview on the embedded voice, and baking every filler and scripted line into the audio cache.</summary>
    public class VoiceAndBakeTests
    {
        private static CharacterDefinition Brenna => CharacterLoader.Load(RepoPaths.BlacksmithCharacter);
        private string _folder = "";

        [SetUp]
        public void Folder() => _folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "voicenpc-bake-" + Guid.NewGuid().ToString("N"))).FullName;

        [TearDown]
        public void Remove() => Directory.Delete(_folder, recursive: true);

        [Test]
        public void ALinePreviewedInTheCharactersVoiceIsSpeechWithItsWords()
        {
            var speech = VoicePreview.SynthesizeAsync(Brenna, "flite", "Mind the sparks, traveller.", EmbeddedProviders.CreateCatalog(), CancellationToken.None).GetAwaiter().GetResult();
            Assert.That(speech.Duration.TotalSeconds, Is.InRange(0.8, 4));
            Assert.That(speech.Samples.Max(s => Math.Abs((int)s)), Is.GreaterThan(1000));
            Assert.That(speech.Words.Select(w => w.Word.ToLowerInvariant()), Is.EqualTo(new[] { "mind", "the", "sparks", "traveller" }));
            string wav = Path.Combine(_folder, "preview.wav");
            WavFile.Write(wav, speech.Samples);
            Assert.That(WavFile.ReadAsPipelineAudio(wav), Is.EqualTo(speech.Samples));
        }

        [Test]
        public void AProviderWithoutAVoiceOrAnEmptyLineIsRefusedByName()
        {
            var error = Assert.ThrowsAsync<ArgumentException>(() => VoicePreview.SynthesizeAsync(Brenna, "elevenlabs", "Hello.", EmbeddedProviders.CreateCatalog(), CancellationToken.None));
            Assert.That(error!.Message, Does.Contain("no voice for \"elevenlabs\"").And.Contain("flite"));
            Assert.ThrowsAsync<ArgumentException>(() => VoicePreview.SynthesizeAsync(Brenna, "flite", "  ", EmbeddedProviders.CreateCatalog(), CancellationToken.None));
        }

        [Test]
        public void BakingPutsEveryFillerAndScriptedClauseInTheCacheOnce()
        {
            var cache = new AudioCache(_folder);
            var lines = LineBaker.LinesOf(Brenna);
            Assert.That(lines.Where(l => l.Kind == "filler").Select(l => l.Text), Is.EqualTo(Brenna.Fillers));
            Assert.That(lines, Has.Some.Matches<(string Kind, string Text)>(l => l.Kind == "deflection"));
            Assert.That(lines, Has.Some.Matches<(string Kind, string Text)>(l => l.Kind == "intent price"));

            var (baked, failures) = LineBaker.BakeAsync(Brenna, EmbeddedProviders.CreateCatalog(), cache, null, null, CancellationToken.None).GetAwaiter().GetResult();
            Assert.That(failures, Is.Empty);
            Assert.That(baked.Count, Is.EqualTo(lines.Count));
            Assert.That(baked.All(b => !b.AlreadyBaked && b.Seconds > 0.2), Is.True);
            foreach (var (_, text) in lines)
                Assert.That(cache.TryGet(new AudioCacheKey("flite", Brenna.Voices["flite"], text), out _), Is.True, text);

            var (again, _) = LineBaker.BakeAsync(Brenna, EmbeddedProviders.CreateCatalog(), new AudioCache(_folder), null, null, CancellationToken.None).GetAwaiter().GetResult();
            Assert.That(again.All(b => b.AlreadyBaked), Is.True, "a second bake finds every line");
        }

        [Test]
        public void AVoiceThatCannotStartIsReportedAndTheOthersAreStillBaked()
        {
            var character = Brenna with { Voices = Brenna.Voices.Concat(new[] { new System.Collections.Generic.KeyValuePair<string, VoiceSettings>("openai", new VoiceSettings("alloy")) }).ToDictionary(p => p.Key, p => p.Value) };
            var (baked, failures) = LineBaker.BakeAsync(character, EmbeddedProviders.CreateCatalog(), new AudioCache(_folder), new[] { "openai", "flite" }, null, CancellationToken.None).GetAwaiter().GetResult();
            Assert.That(failures.Single(), Does.StartWith("openai: "));
            Assert.That(baked.Select(b => b.Provider).Distinct(), Is.EqualTo(new[] { "flite" }));
        }
    }
}
