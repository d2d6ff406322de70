using System;
using System.IO;
using NUnit.Framework;
using VoiceNpc.Storage;

namespace VoiceNpc.Tests.Storage
{
    /// <summary>Saves stay whole, with their backup, on the managed path a player takes when libc's calls do not load.</summary>
    public sealed class AtomicFileTests
    {
        private string _folder = string.Empty;

        [SetUp]
        public void CreateFolder() =>
            _folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "voicenpc-atomic-" + Guid.NewGuid().ToString("N"))).FullName;

        [TearDown]
        public void RemoveFolder()
        {
            AtomicFile.PosixCalls = true;
            Directory.Delete(_folder, recursive: true);
        }

        [TestCase(true)]
        [TestCase(false)]
        public void ASecondSaveReplacesTheFirstAndKeepsItAsTheBackup(bool posixCalls)
        {
            AtomicFile.PosixCalls = posixCalls;
            string path = Path.Combine(_folder, "save.bin");
            AtomicFile.Write(path, new byte[] { 1, 2, 3 });
            AtomicFile.Write(path, new byte[] { 4, 5 });

            Assert.That(File.ReadAllBytes(path), Is.EqualTo(new byte[] { 4, 5 }));
            Assert.That(File.ReadAllBytes(AtomicFile.BackupOf(path)), Is.EqualTo(new byte[] { 1, 2, 3 }));
            Assert.That(Directory.GetFiles(_folder), Has.Length.EqualTo(2), "no temp file is left behind");
        }
    }
}
