using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using NUnit.Framework;
using VoiceNpc.Characters;
using VoiceNpc.Tests.Support;

namespace VoiceNpc.Tests.Characters
{
    /// <summary>
    /// Crafted character files (Corpus~/, plus inputs too large to commit): each one is a
    /// <see cref="CharacterLoadException"/> naming the file, through every entry point, never another exception type.
    /// </summary>
    public class CharacterCorpusTests
    {
        public static string CorpusFolder => Path.Combine(RepoPaths.Root, "Tests", "Runtime", "Characters", "Corpus~");

        public static IEnumerable<string> CorpusFiles() =>
            Directory.GetFiles(CorpusFolder, "*" + CharacterLoader.FileSuffix)
                .Select(Path.GetFileName).OrderBy(n => n, StringComparer.Ordinal)!;

        /// <summary>Inputs made in code: name, bytes.</summary>
        public static IEnumerable<TestCaseData> GeneratedInputs()
        {
            string valid = CharacterSamples.Minimal;
            TestCaseData Case(string name, string text) => new TestCaseData(Encoding.UTF8.GetBytes(text)).SetName("Generated: " + name);
            yield return Case("a 1 MB display name", valid.Replace("\"Smith\"", "\"" + new string('a', 1_000_000) + "\""));
            yield return Case("a 100k-character filler", valid.Replace("\"Hmm.\"", "\"" + new string('m', 100_000) + "\""));
            yield return Case("100k fillers", valid.Replace("[\"Hmm.\"]", "[" + string.Join(",", Enumerable.Repeat("\"Hmm.\"", 100_000)) + "]"));
            yield return Case("50k unknown fields", valid.Replace("\"persona\"", string.Concat(Enumerable.Range(0, 50_000).Select(i => $"\"u{i}\":0,")) + "\"persona\""));
            yield return Case("a 1 MB field name", valid.Replace("\"persona\"", "\"" + new string('p', 1_000_000) + "\": 1, \"persona\""));
            yield return Case("a 1 MB number", valid.Replace("\"persona\"", "\"memory\": {\"maxTurns\": 1" + new string('0', 1_000_000) + "}, \"persona\""));
            yield return Case("nesting 10,000 deep", valid.Replace("\"persona\"", "\"x\": " + new string('[', 10_000) + new string(']', 10_000) + ", \"persona\""));
            yield return Case("2 MB of white space", valid + new string(' ', 2 * 1024 * 1024));
            yield return new TestCaseData(Encoding.Unicode.GetBytes(valid)).SetName("Generated: UTF-16 from Encoding.Unicode");
        }

        [TestCaseSource(nameof(CorpusFiles))]
        public void EveryCorpusFileIsALoadErrorNamingTheFile(string name)
        {
            string path = Path.Combine(CorpusFolder, name);
            AssertLoadError(() => CharacterLoader.Load(path), path);
            AssertLoadError(() => CharacterLoader.Parse(File.ReadAllBytes(path), name), name);
            Assert.That(CharacterLoader.Validate(path), Is.Not.Empty);
        }

        [TestCaseSource(nameof(GeneratedInputs))]
        public void EveryGeneratedInputIsALoadError(byte[] bytes)
        {
            AssertLoadError(() => CharacterLoader.Parse(bytes, "crafted.character.json"), "crafted.character.json");
            string folder = TempFolder();
            try
            {
                string path = Path.Combine(folder, "crafted.character.json");
                File.WriteAllBytes(path, bytes);
                AssertLoadError(() => CharacterLoader.Load(path), path);
            }
            finally { Directory.Delete(folder, recursive: true); }
        }

        [Test]
        public void AFolderAMissingFileAndOddPathsAreLoadErrors()
        {
            string folder = TempFolder();
            try
            {
                Directory.CreateDirectory(Path.Combine(folder, "dir.character.json"));
                foreach (string path in new[] { folder, Path.Combine(folder, "dir.character.json"), Path.Combine(folder, "none.character.json"),
                             Path.Combine(folder, "no", "such", "folder.character.json"), "", "bad\0name.character.json" })
                    AssertLoadError(() => CharacterLoader.Load(path), path);
            }
            finally { Directory.Delete(folder, recursive: true); }
        }

        [Test]
        public void AnEndlessDeviceIsNotReadWhole()
        {
            Assume.That(File.Exists("/dev/zero"), "a Unix /dev/zero");
            var e = AssertLoadError(() => CharacterLoader.Load("/dev/zero"), "/dev/zero");
            Assert.That(e.Problems.Single().Expected, Does.Contain($"at most {TextLimits.FileBytes} bytes"));
        }

        [Test]
        public void AHugeFileIsRefusedWithoutReadingItWhole()
        {
            string folder = TempFolder();
            try
            {
                string path = Path.Combine(folder, "huge.character.json");
                using (var file = File.Create(path)) file.SetLength(1L << 30);   // a sparse gigabyte: costs no disk
                var e = AssertLoadError(() => CharacterLoader.Load(path), path);
                Assert.That(e.Problems.Single().Expected, Does.Contain($"at most {TextLimits.FileBytes} bytes"));
            }
            finally { Directory.Delete(folder, recursive: true); }
        }

        private static CharacterLoadException AssertLoadError(TestDelegate load, string file)
        {
            var e = Assert.Throws<CharacterLoadException>(load)!;
            Assert.That(e.Problems, Is.Not.Empty);
            Assert.That(e.Problems.Select(p => p.File), Is.All.EqualTo(file));
            Assert.That(e.Problems.Count, Is.LessThanOrEqualTo(TextLimits.Problems + 1), "at most the limit, and one line saying how many more");
            Assert.That(e.Message.Length, Is.LessThan(100_000), "a bounded message");
            return e;
        }

        private static string TempFolder() =>
            Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "voicenpc-corpus-" + Guid.NewGuid().ToString("N"))).FullName;
    }
}
