using System.IO;
using System.Linq;
using System.Text;
using NUnit.Framework;
using VoiceNpc.Characters;

namespace VoiceNpc.Tests.Characters
{
    /// <summary>What is not well-formed text (lone surrogates, invalid UTF-8, UTF-16, nothing) or is ambiguous (a key given twice) is a load error naming the place.</summary>
    public class CharacterDecodingTests
    {
        private const string Valid = CharacterSamples.Minimal;

        private static CharacterProblem SingleProblem(string text) => SingleProblem(Encoding.UTF8.GetBytes(text));

        private static CharacterProblem SingleProblem(byte[] bytes)
        {
            var e = Assert.Throws<CharacterLoadException>(() => CharacterLoader.Parse(bytes, "x.character.json"))!;
            // Count itself: NUnit 3.5 (Unity's) finds no Count property on an array behind IReadOnlyList.
            Assert.That(e.Problems.Count, Is.EqualTo(1), string.Join("\n", e.Problems));
            return e.Problems[0];
        }

        [TestCase(@"""displayName"": ""\ud800""", "$.displayName")]
        [TestCase(@"""displayName"": ""\udc00\ud800""", "$.displayName")]
        [TestCase(@"""displayName"": ""Smith"", ""greetings"": [""Hi \udbff.""]", "$.greetings[0]")]
        [TestCase(@"""displayName"": ""Smith"", ""cloud"": { ""openai"": { ""model"": ""\ud800"" } }", "$.cloud.openai.model")]
        [TestCase(@"""displayName"": ""Smith"", ""extra"": { ""deep"": [[""\udfff""]] }", "$.extra.deep[0][0]")]
        [TestCase(@"""displayName"": ""Smith"", ""\ud800"": 1", "$")]
        public void ALoneSurrogateEscapeIsAProblemAtItsPath(string edit, string path)
        {
            var problem = SingleProblem(Valid.Replace(@"""displayName"": ""Smith""", edit).Replace(@"""greetings"": [""Hello.""], ", ""));
            Assert.That(problem.JsonPath, Is.EqualTo(path));
            Assert.That(problem.Expected, Does.Contain("lone surrogate"));
        }

        [Test]
        public void ALoneSurrogateInTextHandedOverAsAStringIsAProblem()
        {
            var e = Assert.Throws<CharacterLoadException>(() => CharacterLoader.Parse(Valid.Replace("Smith", "Sm\ud800ith"), "editor"))!;
            Assert.That(e.Problems.Single().JsonPath, Is.EqualTo($"character {Valid.IndexOf("Smith") + 2}"));
            Assert.That(e.Problems.Single().Expected, Does.Contain("half of a surrogate pair"));
        }

        [Test]
        public void AnEscapedSurrogatePairIsText()
        {
            var c = CharacterLoader.Parse(Valid.Replace("Smith", @"Smith \ud83d\ude00"), "x.character.json");
            Assert.That(c.DisplayName, Is.EqualTo("Smith \U0001F600"));
        }

        [Test]
        public void InvalidUtf8IsAProblemAtItsByteOffset()
        {
            var bytes = Encoding.UTF8.GetBytes(Valid.Replace("Smith", "Br\u00e9nna"));
            int offset = Encoding.UTF8.GetByteCount(Valid.Substring(0, Valid.IndexOf("Smith"))) + 2;
            bytes = bytes.Take(offset).Concat(new byte[] { 0xE9 }).Concat(bytes.Skip(offset + 2)).ToArray();   // Latin-1 é
            var problem = SingleProblem(bytes);
            Assert.That(problem.JsonPath, Is.EqualTo($"byte offset {offset} (line 2)"));
            Assert.That(problem.Expected, Does.Contain("0xE9").And.Contain("UTF-8"));
        }

        [Test]
        public void InvalidUtf8FarIntoAFileIsPlacedExactly()
        {
            string padded = Valid.Replace(@"""persona"": ""A smith.""", @"""persona"": """ + new string('a', 200_000) + @"""");
            var bytes = Encoding.UTF8.GetBytes(padded);
            int offset = padded.IndexOf("aaa") + 150_000;
            bytes[offset] = 0xFF;
            Assert.That(SingleProblem(bytes).JsonPath, Is.EqualTo($"byte offset {offset} (line 2)"));
        }

        [Test]
        public void AByteOrderMarkIsAllowedAndInvalidUtf8AfterItIsPlacedInTheFile()
        {
            var bom = new byte[] { 0xEF, 0xBB, 0xBF };
            Assert.That(CharacterLoader.Parse(bom.Concat(Encoding.UTF8.GetBytes(Valid)).ToArray(), "x.character.json").Id, Is.EqualTo("smith"));
            var broken = bom.Concat(Encoding.UTF8.GetBytes(Valid)).ToArray();
            broken[4] = 0x80;
            Assert.That(SingleProblem(broken).JsonPath, Is.EqualTo("byte offset 4 (line 1)"));
        }

        [Test]
        public void AFileReadFromDiskIsCheckedTheSameWay()
        {
            string path = Path.Combine(Path.GetTempPath(), "voicenpc-latin1-" + System.Guid.NewGuid().ToString("N") + ".character.json");
            File.WriteAllBytes(path, Encoding.UTF8.GetBytes(Valid).Select(b => b == (byte)'S' ? (byte)0xC9 : b).ToArray());   // Latin-1 É
            try
            {
                var e = Assert.Throws<CharacterLoadException>(() => CharacterLoader.Load(path))!;
                Assert.That(e.Problems.Single().JsonPath, Does.StartWith("byte offset"));
                Assert.That(e.Problems.Single().File, Is.EqualTo(path));
            }
            finally { File.Delete(path); }
        }

        [TestCase(@"""persona"": ""A smith."", ""persona"": ""A baker.""", "$.persona", "\"persona\" given once in $")]
        [TestCase(@"""persona"": ""A smith."", ""\u0070ersona"": ""A baker.""", "$.persona", "\"persona\" given once in $")]
        public void ADuplicateKeyIsAProblemNamingTheKeyAndItsPath(string edit, string path, string expected)
        {
            var problem = SingleProblem(Valid.Replace(@"""persona"": ""A smith.""", edit));
            Assert.That(problem.JsonPath, Is.EqualTo(path));
            Assert.That(problem.Expected, Does.StartWith(expected).And.Contain("found it again"));
        }

        [Test]
        public void ADuplicateKeyDeepInTheFileIsNamedWithItsPath()
        {
            var problem = SingleProblem(Valid.Replace(@"""lines"": [""Swords.""]", @"""lines"": [""Swords.""], ""lines"": [""Axes.""]"));
            Assert.That(problem.JsonPath, Is.EqualTo("$.intents[0].lines"));
            Assert.That(problem.Expected, Does.StartWith("\"lines\" given once in $.intents[0]"));
        }

        [TestCase(new byte[0], "an empty file")]
        [TestCase(new byte[] { 0x20, 0x0D, 0x0A, 0x09 }, "an empty file")]
        [TestCase(new byte[] { 0xEF, 0xBB, 0xBF }, "an empty file")]
        public void AnEmptyFileIsSaidToBeEmpty(byte[] bytes, string found)
        {
            var problem = SingleProblem(bytes);
            Assert.That(problem.Expected, Is.EqualTo("a character object, found " + found));
            Assert.That(problem.JsonPath, Is.EqualTo("$"));
        }

        [TestCase(16, false, true, "UTF-16 (little-endian)")]
        [TestCase(16, true, true, "UTF-16 (big-endian)")]
        [TestCase(16, false, false, "UTF-16 (little-endian, without a byte-order mark)")]
        [TestCase(16, true, false, "UTF-16 (big-endian, without a byte-order mark)")]
        [TestCase(32, false, true, "UTF-32 (little-endian)")]
        [TestCase(32, true, true, "UTF-32 (big-endian)")]
        [TestCase(32, false, false, "UTF-32 (little-endian, without a byte-order mark)")]
        [TestCase(32, true, false, "UTF-32 (big-endian, without a byte-order mark)")]
        public void AUtf16OrUtf32FileIsNamedAsSuch(int bits, bool bigEndian, bool byteOrderMark, string found)
        {
            Encoding encoding = bits == 16 ? new UnicodeEncoding(bigEndian, byteOrderMark) : new UTF32Encoding(bigEndian, byteOrderMark);
            var bytes = encoding.GetPreamble().Concat(encoding.GetBytes(Valid)).ToArray();
            Assert.That(SingleProblem(bytes).Expected, Is.EqualTo("UTF-8 text, found " + found));
        }
    }
}
