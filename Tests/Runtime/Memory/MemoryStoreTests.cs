using System;
using System.IO;
using System.Linq;
using System.Threading;
using NUnit.Framework;
using VoiceNpc.Memory;
using VoiceNpc.Storage;

namespace VoiceNpc.Tests.Memory
{
    public class MemoryStoreTests
    {
        private MemoryFiles _files = null!;
        private MemoryStore _store = null!;

        [SetUp]
        public void CreateStore()
        {
            _files = new MemoryFiles();
            _store = new MemoryStore(_files.Folder);
        }

        [TearDown]
        public void RemoveStore() => _files.Dispose();

        [Test]
        public void AFirstMeetingIsANewMemory()
        {
            var loaded = _store.Load("brenna-blacksmith", "p1");
            Assert.That(loaded.Source, Is.EqualTo(MemorySource.New));
            Assert.That(loaded.Problem, Is.Null);
            Assert.That(loaded.Memory.Turns, Is.Empty);
        }

        [Test]
        public void ASavedMemoryLoadsBack()
        {
            var memory = MemoryFiles.Sample();
            _store.Save(memory);
            var loaded = _store.Load(memory.CharacterId, memory.PlayerId);
            Assert.That(loaded.Source, Is.EqualTo(MemorySource.File));
            Assert.That(loaded.Memory.Turns.Select(t => t.PlayerText), Is.EqualTo(memory.Turns.Select(t => t.PlayerText)));
            Assert.That(loaded.Memory.SavedAt, Is.EqualTo(memory.SavedAt));
        }

        [Test]
        public void ADamagedSaveFallsBackToThePreviousOneAndIsKeptAside()
        {
            var memory = MemoryFiles.Sample(turns: 2);
            _store.Save(memory);
            memory.Turns.Add(new RememberedTurn("third", "answer", false, DateTimeOffset.UtcNow));
            _store.Save(memory);
            string path = _store.PathOf(memory.CharacterId, memory.PlayerId);
            var bytes = File.ReadAllBytes(path);
            File.WriteAllBytes(path, bytes.Take(bytes.Length / 2).ToArray());

            var loaded = _store.Load(memory.CharacterId, memory.PlayerId);

            Assert.That(loaded.Source, Is.EqualTo(MemorySource.Backup));
            Assert.That(loaded.Memory.Turns, Has.Count.EqualTo(2), "the last good state: the save before the damaged one");
            Assert.That(loaded.Problem!.File, Is.EqualTo(path));
            Assert.That(loaded.Problem.Message, Does.Contain("truncated"));
            Assert.That(File.ReadAllBytes(loaded.DamagedCopy!), Has.Length.EqualTo(bytes.Length / 2), "the damaged file is kept for the developers");
        }

        [Test]
        public void ASaveWithAWholeFrameButATimeOutOfRangeFallsBackToTheBackup([Values("saved", "turn", "fact")] string where)
        {
            var memory = new NpcMemory("brenna-blacksmith", "p1");
            memory.Turns.Add(new RememberedTurn("what do you sell", "Swords.", false, DateTimeOffset.UtcNow));
            _store.Save(memory);
            _store.Save(memory);
            string path = _store.PathOf("brenna-blacksmith", "p1");
            File.WriteAllBytes(path, MemoryFiles.WithTime(where, long.MaxValue));

            var loaded = _store.Load("brenna-blacksmith", "p1");

            Assert.That(loaded.Source, Is.EqualTo(MemorySource.Backup));
            Assert.That(loaded.Memory.Turns.Single().PlayerText, Is.EqualTo("what do you sell"));
            Assert.That(loaded.Problem!.Message, Does.StartWith(path + ": unreadable at payload byte"));
        }

        [Test]
        public void ADamagedSaveWithoutBackupStartsOverAndSaysWhy()
        {
            string path = _store.PathOf("brenna-blacksmith", "p1");
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, "{ \"not\": \"a memory\" }");
            var loaded = _store.Load("brenna-blacksmith", "p1");
            Assert.That(loaded.Source, Is.EqualTo(MemorySource.New));
            Assert.That(loaded.Problem!.Message, Does.Contain("not a VoiceNpc file"));
        }

        [Test]
        public void AFileOfAnotherPlayerIsNotTakenForThisOne()
        {
            _store.Save(MemoryFiles.Sample());
            string mine = _store.PathOf("brenna-blacksmith", "p2");
            File.Copy(_store.PathOf("brenna-blacksmith", "Ærin 🗡 #1"), mine);
            var loaded = _store.Load("brenna-blacksmith", "p2");
            Assert.That(loaded.Source, Is.EqualTo(MemorySource.New));
            Assert.That(loaded.Problem!.Message, Does.Contain("holds the memory of character \"brenna-blacksmith\" and player \"Ærin 🗡 #1\""));
        }

        [Test]
        public void APlayerCanTakeTheirMemoryAwayBringItBackAndHaveItDeleted()
        {
            var memory = MemoryFiles.Sample();
            _store.Save(memory);
            using var exported = new MemoryStream();
            Assert.That(_store.Export(memory.CharacterId, memory.PlayerId, exported), Is.True);

            Assert.That(_store.Delete(memory.CharacterId, memory.PlayerId), Is.True);
            Assert.That(_store.Load(memory.CharacterId, memory.PlayerId).Source, Is.EqualTo(MemorySource.New));
            Assert.That(Directory.GetFiles(_files.Folder, "*", SearchOption.AllDirectories), Is.Empty, "no backup or copy left behind");

            exported.Position = 0;
            var imported = _store.Import(exported);
            Assert.That(imported.Turns, Has.Count.EqualTo(memory.Turns.Count));
            Assert.That(_store.Load(memory.CharacterId, memory.PlayerId).Memory.Facts.Single().Text, Is.EqualTo("The player is called Ærin."));
        }

        [Test]
        public void ImportingDamagedDataReplacesNothing()
        {
            _store.Save(MemoryFiles.Sample());
            var error = Assert.Throws<StoredFileException>(() => _store.Import(new MemoryStream(new byte[] { 1, 2, 3 }), "upload.bin"));
            Assert.That(error!.Message, Does.StartWith("upload.bin: truncated"));
            Assert.That(_store.Load("brenna-blacksmith", "Ærin 🗡 #1").Memory.Turns, Has.Count.EqualTo(3));
        }

        [Test]
        public void IdsBecomeSafeFileNames()
        {
            Assert.That(FileNames.Encode("../../etc/passwd"), Is.EqualTo("%2E%2E%2F%2E%2E%2Fetc%2Fpasswd"));
            Assert.That(FileNames.Encode("steam_7656-1"), Is.EqualTo("steam_7656-1"));
            Assert.That(FileNames.Encode(""), Is.EqualTo("%"));
            Assert.That(Path.GetDirectoryName(_store.PathOf("a/b", "..")), Is.EqualTo(Path.Combine(_files.Folder, "a%2Fb")));
        }

        [Test]
        public void TwoWritersRacingOnOneFileNeverCorruptIt()
        {
            var errors = 0;
            void Writer(string name)
            {
                for (int i = 0; i < 150; i++)
                {
                    var memory = new NpcMemory("brenna-blacksmith", "p1");
                    for (int t = 0; t <= i % 7; t++) memory.Turns.Add(new RememberedTurn($"{name} {i}", $"turn {t}", false, DateTimeOffset.UtcNow));
                    try { new MemoryStore(_files.Folder).Save(memory); }
                    catch (Exception) { Interlocked.Increment(ref errors); }
                }
            }
            var a = new Thread(() => Writer("a"));
            var b = new Thread(() => Writer("b"));
            a.Start(); b.Start();
            a.Join(); b.Join();

            var loaded = _store.Load("brenna-blacksmith", "p1");
            Assert.That(errors, Is.Zero);
            Assert.That(loaded.Source, Is.EqualTo(MemorySource.File));
            Assert.That(loaded.Memory.Turns.Select(t => t.PlayerText).Distinct().Count(), Is.EqualTo(1), "one writer's whole state, not a mix");
            Assert.That(loaded.Memory.Turns.Select(t => t.NpcText), Is.EqualTo(Enumerable.Range(0, loaded.Memory.Turns.Count).Select(t => $"turn {t}")));
            Assert.That(Directory.GetFiles(Path.GetDirectoryName(_store.PathOf("brenna-blacksmith", "p1"))!, "*.tmp"), Is.Empty, "no temp files left");
        }
    }
}
