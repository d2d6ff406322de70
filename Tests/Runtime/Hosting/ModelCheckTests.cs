using System;
using System.IO;
using System.Linq;
using NUnit.Framework;
using VoiceNpc.Hosting;
using VoiceNpc.Tests.Support;

namespace VoiceNpc.Tests.Hosting
{
    /// <summary>Every model file is proven before a native library reads it; every way it can be wrong is named.</summary>
    public sealed class ModelCheckTests
    {
        private string _folder = string.Empty;

        [SetUp]
        public void CopyOneModel() =>
            _folder = ModelFolderCopy.Of(new[] { ModelFiles.SphinxNoiseDictionary, ModelFiles.Silero },
                Path.Combine(Path.GetTempPath(), "voicenpc-models-" + Guid.NewGuid().ToString("N")));

        [TearDown]
        public void RemoveCopy() => Directory.Delete(_folder, recursive: true);

        private string PathOf(ModelFile file) => Path.Combine(_folder, file.FileName);

        [Test]
        public void EveryFileTheBuildPutInRuntimeModelsIsTheOneTheRuntimeExpects()
        {
            Assert.That(ModelFiles.All.Select(f => ModelCheck.Require(f, RepoPaths.Models)),
                Is.EqualTo(ModelFiles.All.Select(f => Path.Combine(RepoPaths.Models, f.FileName))));
            Assert.That(ModelFiles.All.Select(f => f.FileName), Has.All.EndsWith(".bytes"));
        }

        [Test]
        public void AnIntactFileIsFoundAndReadWhole()
        {
            Assert.That(ModelCheck.Require(ModelFiles.SphinxNoiseDictionary, _folder), Is.EqualTo(PathOf(ModelFiles.SphinxNoiseDictionary)));
            Assert.That(ModelCheck.ReadVerified(ModelFiles.Silero, _folder), Has.Length.EqualTo(ModelFiles.Silero.Length));
        }

        [Test]
        public void AMissingFileIsNamedWithWhereItWasLookedFor()
        {
            File.Delete(PathOf(ModelFiles.Silero));
            var error = Assert.Throws<ModelFileException>(() => ModelCheck.ReadVerified(ModelFiles.Silero, _folder))!;
            Assert.That(error.FileName, Is.EqualTo("silero_vad.onnx.bytes"));
            Assert.That(error.FilePath, Is.EqualTo(PathOf(ModelFiles.Silero)));
            Assert.That(error.Message, Does.Contain("at " + PathOf(ModelFiles.Silero) + " was not found").And.Contain("run ./build.sh"));
        }

        [Test]
        public void ATruncatedFileSaysHowMuchIsThere()
        {
            ModelFolderCopy.Truncate(PathOf(ModelFiles.SphinxNoiseDictionary), 10);
            Assert.That(() => ModelCheck.Require(ModelFiles.SphinxNoiseDictionary, _folder),
                Throws.InstanceOf<ModelFileException>().With.Property(nameof(ModelFileException.Problem)).EqualTo("is truncated: 10 bytes of 56"));
            ModelFolderCopy.Truncate(PathOf(ModelFiles.Silero), 1000);
            Assert.That(() => ModelCheck.ReadVerified(ModelFiles.Silero, _folder),
                Throws.InstanceOf<ModelFileException>().With.Message.Contains("is truncated: 1000 bytes of 2327524"));
        }

        [Test]
        public void ADamagedFileOfTheRightLengthIsCaughtByItsHash()
        {
            ModelFolderCopy.FlipLastByte(PathOf(ModelFiles.SphinxNoiseDictionary));
            ModelFolderCopy.FlipLastByte(PathOf(ModelFiles.Silero));
            Assert.That(() => ModelCheck.Require(ModelFiles.SphinxNoiseDictionary, _folder),
                Throws.InstanceOf<ModelFileException>().With.Message.Contains("is damaged: SHA-256 "));
            Assert.That(() => ModelCheck.ReadVerified(ModelFiles.Silero, _folder),
                Throws.InstanceOf<ModelFileException>().With.Message.Contains("expected " + ModelFiles.Silero.Sha256));
        }

        [Test]
        public void AFileDamagedAfterItWasProvenIsCaughtAgain()
        {
            ModelCheck.Require(ModelFiles.SphinxNoiseDictionary, _folder);
            ModelFolderCopy.FlipLastByte(PathOf(ModelFiles.SphinxNoiseDictionary));
            File.SetLastWriteTimeUtc(PathOf(ModelFiles.SphinxNoiseDictionary), DateTime.UtcNow.AddMinutes(1));
            Assert.That(() => ModelCheck.Require(ModelFiles.SphinxNoiseDictionary, _folder), Throws.InstanceOf<ModelFileException>());
        }

        [Test]
        public void AFolderInPlaceOfTheFileIsNotFound()
        {
            File.Delete(PathOf(ModelFiles.SphinxNoiseDictionary));
            Directory.CreateDirectory(PathOf(ModelFiles.SphinxNoiseDictionary));
            Assert.That(() => ModelCheck.Require(ModelFiles.SphinxNoiseDictionary, _folder),
                Throws.InstanceOf<ModelFileException>().With.Message.Contains("was not found"));
        }
    }
}
