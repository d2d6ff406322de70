using System;
using System.IO;
using System.Linq;
using NUnit.Framework;
using VoiceNpc.Audio;
using VoiceNpc.Characters;
using VoiceNpc.Conversation;
using VoiceNpc.Hosting;
using VoiceNpc.Providers;
using VoiceNpc.Providers.PocketSphinx;
using VoiceNpc.Tests.Support;

namespace VoiceNpc.Tests.Hosting
{
    /// <summary>A missing or damaged model is reported and the next provider of the stage takes over; nothing crashes.</summary>
    public sealed class ModelFallbackTests
    {
        private string _folder = string.Empty;

        [SetUp]
        public void CopyModels() =>
            _folder = ModelFolderCopy.Of(ModelFiles.All, Path.Combine(Path.GetTempPath(), "voicenpc-fallback-" + Guid.NewGuid().ToString("N")));

        [TearDown]
        public void RemoveCopy() => Directory.Delete(_folder, recursive: true);

        [Test]
        public void ADamagedSileroModelHandsTheVadToTheEnergyVad()
        {
            ModelFolderCopy.FlipLastByte(Path.Combine(_folder, ModelFiles.Silero.FileName));
            var character = CharacterLoader.Load(RepoPaths.BlacksmithCharacter);

            using var providers = EmbeddedProviders.CreateCatalog(modelFolder: _folder).Resolve(character, () => TimeSpan.Zero);

            Assert.That(providers.Vad.Current.Name, Is.EqualTo(ProviderNames.Energy));
            var fellBack = providers.Skipped.Single();
            Assert.That((fellBack.Stage, fellBack.From, fellBack.To), Is.EqualTo(("vad", ProviderNames.Silero, ProviderNames.Energy)));
            Assert.That(fellBack.Reason, Does.Contain("silero_vad.onnx.bytes) at " + Path.Combine(_folder, ModelFiles.Silero.FileName) + " is damaged"));
        }

        [Test]
        public void AnIntactCopyOfTheModelsLoadsSilero()
        {
            var character = CharacterLoader.Load(RepoPaths.BlacksmithCharacter);
            using var providers = EmbeddedProviders.CreateCatalog(modelFolder: _folder).Resolve(character, () => TimeSpan.Zero);
            Assert.That(providers.Vad.Current.Name, Is.EqualTo(ProviderNames.Silero));
            Assert.That(providers.Skipped, Is.Empty);
        }

        [Test]
        public void AMissingAcousticModelFileHandsRecognitionToTheNextRecogniser()
        {
            File.Delete(Path.Combine(_folder, ModelFiles.SphinxSenones.FileName));
            var harness = new ConversationHarness("goodbye")
            {
                FirstStt = new PocketSphinxSpeechToText(new PocketSphinxOptions { ModelFolder = _folder, CacheDirectory = Path.Combine(_folder, "lm") }),
            };

            harness.Run(new PlayerScript(new[] { ConversationHarness.Speech(0.8) }), expectedTurns: 1);

            var fellBack = harness.Of<ProviderFellBack>().Single();
            Assert.That((fellBack.Stage, fellBack.From, fellBack.To), Is.EqualTo(("stt", "pocketsphinx", harness.Stt.Name)));
            Assert.That(fellBack.Reason, Does.Contain(ModelFiles.SphinxSenones.FileName + ") at " + Path.Combine(_folder, ModelFiles.SphinxSenones.FileName)
                + " was not found"));
            Assert.That(harness.Of<TurnCompleted>().Single().Metrics.PlayerText, Is.EqualTo("goodbye"));
        }
    }
}
