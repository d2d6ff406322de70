using System.Text;
using NUnit.Framework;
using VoiceNpc.Characters;

namespace VoiceNpc.Tests.Characters
{
    public class CharacterAssetLoaderTests
    {
        [Test]
        public void AnAssetsBytesLoadAsTheCharacter()
        {
            var c = CharacterAssetLoader.Load("Smith", "smith.character", Encoding.UTF8.GetBytes(CharacterSamples.Minimal));
            Assert.That(c.Id, Is.EqualTo("smith"));
        }

        [Test]
        public void AnAssetWithoutItsFileNamesTheAssetAndTheField()
        {
            var e = Assert.Throws<CharacterLoadException>(() => CharacterAssetLoader.Load("Smith", null, null))!;
            Assert.That(e.File, Does.Contain("\"Smith\""));
            Assert.That(e.Problems[0].JsonPath, Is.EqualTo(CharacterAssetLoader.FileField));
            Assert.That(e.Problems[0].Expected, Does.Contain("TextAsset"));
        }

        [Test]
        public void ABrokenFileInAnAssetIsNamedWithTheAsset()
        {
            var e = Assert.Throws<CharacterLoadException>(() =>
                CharacterAssetLoader.Load("Smith", "smith.character", new byte[] { 0x7B, 0xFF, 0x7D }))!;
            Assert.That(e.File, Does.Contain("smith.character").And.Contains("\"Smith\""));
        }
    }
}
