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

            Assert.That(_store.Delete(memory.CharacterId, memory.PlayerId), Is.Not.Empty);
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

        /// <summary>A temp file as a save killed before its rename leaves it, last written <paramref name="age"/> ago.</summary>
        private string LeftByAKilledSave(string path, TimeSpan age)
        {
            string temp = Path.Combine(Path.GetDirectoryName(path)!, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
            File.WriteAllBytes(temp, NpcMemoryCodec.Encode(MemoryFiles.Sample()));
            File.SetLastWriteTimeUtc(temp, DateTime.UtcNow - age);
            return temp;
        }

        [Test]
        public void LoadingRemovesTempFilesOfKilledSavesButNotOneBeingWritten()
        {
            var memory = MemoryFiles.Sample();
            _store.Save(memory);
            string path = _store.PathOf(memory.CharacterId, memory.PlayerId);
            string stale = LeftByAKilledSave(path, TimeSpan.FromMinutes(5));
            string fresh = LeftByAKilledSave(path, TimeSpan.Zero);
            string otherPlayers = LeftByAKilledSave(_store.PathOf(memory.CharacterId, "p2"), TimeSpan.FromMinutes(5));

            Assert.That(_store.Load(memory.CharacterId, memory.PlayerId).Source, Is.EqualTo(MemorySource.File));

            Assert.That(File.Exists(stale), Is.False, "a killed save's copy of the conversation is removed");
            Assert.That(File.Exists(fresh), Is.True, "a temp file written just now may be another process's save in progress");
            Assert.That(File.Exists(otherPlayers), Is.True, "another player's files are not this load's business");
        }

        [Test]
        public void DeletingRemovesEveryFileOfThePlayerAndSaysWhich()
        {
            var memory = MemoryFiles.Sample();
            _store.Save(memory);
            _store.Save(memory);
            string path = _store.PathOf(memory.CharacterId, memory.PlayerId);
            string damaged = path + ".damaged-20261202T030000000";
            File.WriteAllBytes(damaged, new byte[] { 1, 2, 3 });
            string stale = LeftByAKilledSave(path, TimeSpan.FromMinutes(5));
            string fresh = LeftByAKilledSave(path, TimeSpan.Zero);
            _store.Save(new NpcMemory(memory.CharacterId, "p2"));

            var removed = _store.Delete(memory.CharacterId, memory.PlayerId);

            Assert.That(removed, Is.EquivalentTo(new[] { path, AtomicFile.BackupOf(path), damaged, stale, fresh }));
            Assert.That(Directory.GetFiles(Path.GetDirectoryName(path)!).Select(Path.GetFileName), Is.EqualTo(new[] { "p2.npcmemory" }));
            Assert.That(_store.Delete(memory.CharacterId, memory.PlayerId), Is.Empty, "nothing is left to delete");
        }

        private static readonly string[] AwkwardIds =
        {
            new string('x', 300), string.Concat(Enumerable.Repeat("龍", 25)), new string('é', 200), "con", "NUL", "com1", "lpt9", "aux",
            "Bob", "bob", "BOB", "trailing.", "trailing ", "~", "%41",
        };

        [Test]
        public void EveryIdSavesAndLoadsUnderANameEveryFileSystemTakes()
        {
            foreach (var id in AwkwardIds)
            {
                var memory = new NpcMemory(id, id);
                memory.Turns.Add(new RememberedTurn("hello", "Well met, " + id, false, DateTimeOffset.UtcNow));
                _store.Save(memory);
                _store.Save(memory);
                var loaded = _store.Load(id, id);
                Assert.That((loaded.Source, loaded.Memory.Turns.Single().NpcText), Is.EqualTo((MemorySource.File, "Well met, " + id)), id);

                string name = FileNames.Encode(id);
                Assert.That(name.Length, Is.LessThanOrEqualTo(FileNames.MaxLength), id);
                Assert.That(name, Does.Match("^[a-z0-9_%~A-F-]+$"), "ASCII only, so no normalization or byte limit can change it");
                Assert.That(new[] { "con", "prn", "aux", "nul", "com1", "lpt9" }, Has.No.Member(name.ToLowerInvariant()), "no Windows device name");
            }
            var names = AwkwardIds.Select(FileNames.Encode).ToList();
            Assert.That(names.Select(n => n.ToLowerInvariant()).Distinct().Count(), Is.EqualTo(AwkwardIds.Length), "distinct even where names ignore case");
            Assert.That(FileNames.Encode(new string('x', 300)), Is.Not.EqualTo(FileNames.Encode(new string('x', 301))), "long ids that share a start");
        }

        [Test]
        public void ASimpleIdKeepsItsFileName()
        {
            foreach (var id in new[] { "brenna-blacksmith", "steam_7656-1", "p1", "player" })
                Assert.That(FileNames.Encode(id), Is.EqualTo(id));
            Assert.That(FileNames.Encode("Ærin 🗡 #1"), Is.EqualTo(FileNames.EncodeLegacy("Ærin 🗡 #1")));
        }

        /// <summary>A memory of <paramref name="player"/> saved at FOLDER/<paramref name="path"/>, as the first naming scheme put it.</summary>
        private (NpcMemory Memory, string Path) SavedUnderTheFirstScheme(string character, string player, string path)
        {
            var memory = new NpcMemory(character, player);
            memory.Turns.Add(new RememberedTurn("hello", "Well met.", false, DateTimeOffset.UtcNow));
            string full = Path.Combine(_files.Folder, path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllBytes(full, NpcMemoryCodec.Encode(memory));
            return (memory, full);
        }

        [Test]
        public void ASaveUnderTheFirstNamingSchemeLoadsMovesToItsNewNameAndIsDeletedWithIt()
        {
            var (memory, legacy) = SavedUnderTheFirstScheme("Brenna", "Bob", Path.Combine("Brenna", "Bob.npcmemory"));

            var loaded = _store.Load("Brenna", "Bob");
            Assert.That((loaded.Source, loaded.Memory.Turns.Single().NpcText), Is.EqualTo((MemorySource.File, "Well met.")));

            _store.Save(loaded.Memory);
            Assert.That(File.Exists(legacy), Is.False, "the old name is gone once the memory is saved under the new one");
            Assert.That(_store.Load("Brenna", "Bob").Source, Is.EqualTo(MemorySource.File));

            File.WriteAllBytes(legacy, NpcMemoryCodec.Encode(memory));
            Assert.That(_store.Delete("Brenna", "Bob"), Has.Member(legacy).And.Member(_store.PathOf("Brenna", "Bob")));
            Assert.That(Directory.GetFiles(_files.Folder, "*", SearchOption.AllDirectories), Is.Empty);
        }

        [Test]
        public void ADamagedSaveUnderTheFirstSchemesNameIsDeletedWithThePlayer()
        {
            // Neither the file nor its backup can be read, so nothing says whose it is but its name: a delete takes it.
            var (_, legacy) = SavedUnderTheFirstScheme("Brenna", "Bob", Path.Combine("Brenna", "Bob.npcmemory"));
            File.WriteAllBytes(legacy, new byte[] { 1, 2, 3 });
            File.WriteAllBytes(legacy + ".bak", new byte[] { 4, 5, 6 });

            Assert.That(_store.Delete("Brenna", "Bob"), Has.Member(legacy).And.Member(legacy + ".bak"));
            Assert.That(Directory.GetFiles(_files.Folder, "*", SearchOption.AllDirectories), Is.Empty);
        }

        [Test]
        public void AnotherPlayersFileUnderTheFirstSchemesNameIsNotTaken()
        {
            // Where names ignore case, "Bob" once shared "bob"'s file: the file's content says whose memory it is.
            var (_, legacy) = SavedUnderTheFirstScheme("brenna-blacksmith", "bob", Path.Combine("brenna-blacksmith", "Bob.npcmemory"));

            Assert.That(_store.Load("brenna-blacksmith", "Bob").Source, Is.EqualTo(MemorySource.New));
            Assert.That(_store.Delete("brenna-blacksmith", "Bob"), Is.Empty);
            Assert.That(File.Exists(legacy), Is.True);
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
