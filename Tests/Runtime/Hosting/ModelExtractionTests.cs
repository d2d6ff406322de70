using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using NUnit.Framework;
using VoiceNpc.Hosting;
using VoiceNpc.Tests.Support;

namespace VoiceNpc.Tests.Hosting
{
    /// <summary>A game hands over the models' bytes (its TextAssets); they land once, whole and proven, where PocketSphinx reads files.</summary>
    public sealed class ModelExtractionTests
    {
        private string _folder = string.Empty;

        [SetUp]
        public void ChooseFolder() => _folder = Path.Combine(Path.GetTempPath(), "voicenpc-extract-" + Guid.NewGuid().ToString("N"));

        [TearDown]
        public void RemoveFolder()
        {
            if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
        }

        private static byte[] FromTheBuild(ModelFile file) => File.ReadAllBytes(Path.Combine(RepoPaths.Models, file.FileName));

        [Test]
        public void ExtractedModelsAreThePackagesAndAreWrittenOnce()
        {
            var asked = new List<string>();
            ModelExtraction.ExtractTo(_folder, f => { asked.Add(f.FileName); return FromTheBuild(f); });
            Assert.That(asked, Is.EquivalentTo(ModelFiles.All.Select(f => f.FileName)));
            Assert.That(ModelFiles.All.Select(f => ModelCheck.Require(f, _folder)).ToList(), Has.Count.EqualTo(ModelFiles.All.Count));

            asked.Clear();
            ModelExtraction.ExtractTo(_folder, f => { asked.Add(f.FileName); return FromTheBuild(f); });
            Assert.That(asked, Is.Empty);
        }

        [Test]
        public void ADamagedFileInTheFolderIsReplaced()
        {
            ModelExtraction.ExtractTo(_folder, FromTheBuild);
            ModelFolderCopy.FlipLastByte(Path.Combine(_folder, ModelFiles.SphinxMeans.FileName));
            File.SetLastWriteTimeUtc(Path.Combine(_folder, ModelFiles.SphinxMeans.FileName), DateTime.UtcNow.AddMinutes(1));

            ModelExtraction.ExtractTo(_folder, FromTheBuild);

            Assert.That(() => ModelCheck.Require(ModelFiles.SphinxMeans, _folder), Throws.Nothing);
        }

        [Test]
        public void BytesThatAreNotThePackagesAreRefusedAndNotWritten()
        {
            var error = Assert.Throws<ModelFileException>(() => ModelExtraction.ExtractTo(_folder, f => new byte[] { 1, 2, 3 }))!;
            Assert.That(error.Message, Does.Contain("is truncated: 3 bytes of"));
            Assert.That(Directory.Exists(_folder) ? Directory.GetFiles(_folder) : Array.Empty<string>(), Is.Empty);
        }
    }
}
