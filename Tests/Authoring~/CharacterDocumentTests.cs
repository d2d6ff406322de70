using System;
using System.IO;
using NUnit.Framework;
using VoiceNpc.Authoring;
using VoiceNpc.Characters;
using VoiceNpc.Tests.Support;

namespace VoiceNpc.Tests.Authoring
{
    /// <summary>Saving a character never loses an edit: invalid content and stale files are refused, the replace is atomic with a backup.</summary>
    public class CharacterDocumentTests
    {
        private string _folder = "";
        private string _path = "";

        [SetUp]
        public void Copy()
        {
            _folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "voicenpc-doc-" + Guid.NewGuid().ToString("N"))).FullName;
            _path = Path.Combine(_folder, "brenna.character.json");
            File.Copy(RepoPaths.BlacksmithCharacter, _path);
        }

        [TearDown]
        public void Remove() => Directory.Delete(_folder, recursive: true);

        [Test]
        public void AFileWithInvalidUtf8IsReportedAsTheGameWouldAndSavingTheTextRepairsIt()
        {
            var bytes = File.ReadAllBytes(_path);
            int at = Array.IndexOf(bytes, (byte)'B');   // inside the display name
            bytes[at] = 0xFF;
            File.WriteAllBytes(_path, bytes);

            var document = CharacterDocument.Open(_path);
            Assert.That(document.Text, Does.Contain("\uFFFD"), "shown with a replacement character, so it can be repaired");
            Assert.That(CharacterValidator.HasErrors(document.Issues), Is.True, "the game refuses the file: so does the editor");
            Assert.That(document.Issues[0].JsonPath, Does.Contain($"byte offset {at}"));

            document.Save(document.Text.Replace("\uFFFD", "B"));
            Assert.That(document.Issues, Is.Empty);
            Assert.That(CharacterLoader.Load(_path).Id, Is.Not.Empty);
        }

        [Test]
        public void AValidEditIsSavedWithTheOldVersionKeptAsBackup()
        {
            var document = CharacterDocument.Open(_path);
            string original = document.Text;
            string edited = original.Replace("Brenna the Blacksmith", "Brenna of Oakford");
            document.Save(edited);
            Assert.That(File.ReadAllText(_path), Is.EqualTo(edited));
            Assert.That(File.ReadAllText(_path + ".bak"), Is.EqualTo(original));
            Assert.That(CharacterLoader.Load(_path).DisplayName, Is.EqualTo("Brenna of Oakford"));
            document.Save(edited.Replace("Oakford\"", "the River\""));   // the stamp moved with the save: a second save is not stale
        }

        [Test]
        public void InvalidContentIsRefusedWithItsIssuesAndTheFileIsUntouched()
        {
            var document = CharacterDocument.Open(_path);
            var error = Assert.Throws<CharacterSaveException>(() => document.Save(document.Text.Replace("\"fillers\"", "\"filler\"")));
            Assert.That(error!.Stale, Is.False);
            Assert.That(error.Issues, Has.Some.Matches<ValidationIssue>(i => i.JsonPath == "$.filler" && i.Hint.Contains("\"fillers\"")));
            Assert.That(File.ReadAllText(_path), Is.EqualTo(document.Text));
        }

        [Test]
        public void AFileChangedOnDiskSinceLoadingIsNotOverwritten()
        {
            var document = CharacterDocument.Open(_path);
            string theirs = document.Text.Replace("Mind the sparks.", "Mind the anvil.");
            File.WriteAllText(_path, theirs);   // someone else saved meanwhile
            var error = Assert.Throws<CharacterSaveException>(() => document.Save(document.Text.Replace("Brenna the Blacksmith", "Brenna")));
            Assert.That(error!.Stale, Is.True);
            Assert.That(error.Message, Does.Contain("changed on disk"));
            Assert.That(File.ReadAllText(_path), Is.EqualTo(theirs), "their edit survives");
        }

        [Test]
        public void ANewCharacterIsValidAndNeverReplacesAFile()
        {
            string path = Path.Combine(_folder, "mira.character.json");
            var document = CharacterDocument.Create(path, CharacterTemplate.Create("mira", "Mira the Herbalist"));
            Assert.That(document.Issues, Is.Empty);
            Assert.That(CharacterLoader.Load(path).DisplayName, Is.EqualTo("Mira the Herbalist"));
            Assert.Throws<CharacterSaveException>(() => CharacterDocument.Create(_path, CharacterTemplate.Create("x", "X")));
            Assert.That(CharacterLoader.Load(_path).Id, Is.EqualTo("brenna-blacksmith"));
        }
    }
}
