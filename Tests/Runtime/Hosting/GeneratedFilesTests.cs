using System;
using System.IO;
using NUnit.Framework;
using VoiceNpc.Hosting;

namespace VoiceNpc.Tests.Hosting
{
    /// <summary>Generated folders are reused while used and removed once stale, so the writable folder does not grow forever.</summary>
    public sealed class GeneratedFilesTests
    {
        private string _parent = string.Empty;

        [SetUp]
        public void CreateParent() =>
            _parent = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "voicenpc-generated-" + Guid.NewGuid().ToString("N"))).FullName;

        [TearDown]
        public void RemoveParent() => Directory.Delete(_parent, recursive: true);

        private string Folder(string name, TimeSpan age)
        {
            string folder = Directory.CreateDirectory(Path.Combine(_parent, name)).FullName;
            File.WriteAllText(Path.Combine(folder, "character.lm"), "x");
            Directory.SetLastWriteTimeUtc(folder, DateTime.UtcNow - age);
            return folder;
        }

        [Test]
        public void SweepRemovesUnusedAndAbandonedFoldersOnly()
        {
            string fresh = Folder("aaaa", TimeSpan.FromDays(29));
            string stale = Folder("bbbb", TimeSpan.FromDays(31));
            string building = Folder("cccc.tmp-1", TimeSpan.FromMinutes(10));
            string abandoned = Folder("dddd.tmp-2", TimeSpan.FromHours(2));

            GeneratedFiles.Sweep(_parent, DateTime.UtcNow);

            Assert.That(new[] { Directory.Exists(fresh), Directory.Exists(stale), Directory.Exists(building), Directory.Exists(abandoned) },
                Is.EqualTo(new[] { true, false, true, false }));
        }

        [Test]
        public void AUsedFolderIsKeptByTheNextSweep()
        {
            string used = Folder("eeee", TimeSpan.FromDays(40));
            Assert.That(GeneratedFiles.MarkUsed(used), Is.True);
            GeneratedFiles.Sweep(_parent, DateTime.UtcNow);
            Assert.That(Directory.Exists(used), Is.True);
            Assert.That(GeneratedFiles.MarkUsed(Path.Combine(_parent, "none")), Is.False);
        }

        [Test]
        public void GeneratedFilesGoWhereTheHostSaid()
        {
            string? before = VoiceNpcFolders.Generated;
            try
            {
                VoiceNpcFolders.Generated = _parent;
                Assert.That(VoiceNpcFolders.GeneratedFolder("pocketsphinx"), Is.EqualTo(Path.Combine(_parent, "pocketsphinx")));
            }
            finally
            {
                VoiceNpcFolders.Generated = before;
            }
        }
    }
}
