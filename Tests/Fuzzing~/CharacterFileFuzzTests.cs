using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using NUnit.Framework;
using VoiceNpc.Authoring;
using VoiceNpc.Characters;
using VoiceNpc.Tests.Fuzzing.Harness;
using VoiceNpc.Tests.Support;

namespace VoiceNpc.Tests.Fuzzing
{
    /// <summary>
    /// Character files, read as the game, validate and the studio read them (from a file, so invalid UTF-8 reaches
    /// the loader as it would): <see cref="CharacterLoader.Load"/> loads or throws <see cref="CharacterLoadException"/>;
    /// <see cref="CharacterValidator.ValidateFile"/> never throws.
    /// </summary>
    public class CharacterFileFuzzTests : ICorpus
    {
        public string Parser => Name;
        private const string Name = "character";
        public string Description => "Character files (CharacterLoader.Load, CharacterValidator.ValidateFile): JSON with comments and trailing commas.";

        private const string Minimal = "{\n  \"id\": \"mira\",\n  \"displayName\": \"Mira\",\n  \"persona\": \"A ferrywoman.\",\n" +
            "  \"voices\": { \"flite\": { \"voice\": \"slt\", \"rate\": 1.0 } },\n  \"greetings\": [\"Hello.\"],\n" +
            "  \"intents\": [ { \"id\": \"fare\", \"keywords\": [\"fare\"], \"examples\": [\"what is the fare\"], \"lines\": [\"Two coins.\"] } ],\n" +
            "  \"dontUnderstand\": [\"Eh?\"],\n  \"fillers\": [\"Hm.\"]\n}\n";

        private string _path = "";

        [SetUp]
        public void CreateFile() => _path = Path.Combine(Path.GetTempPath(), $"voicenpc-fuzz-{Guid.NewGuid():N}.character.json");

        [TearDown]
        public void DeleteFile() => File.Delete(_path);

        [Test]
        public void EveryMutatedCharacterLoadsOrNamesItsProblems()
        {
            var seeds = Seeds();
            new FuzzRun(Parser, LoadAndValidate, typeof(CharacterLoadException)).Check(JsonMutator.Systematic(seeds), random => JsonMutator.Mutate(random, seeds));
        }

        [Test]
        public void EveryLargeCharacterIsReadWithinBoundedMemory()
        {
            new FuzzRun(Parser + "-large", LoadAndValidate, typeof(CharacterLoadException)).CheckEach(Large());
        }

        [Test]
        public void TheMinimalSeedIsAValidCharacter()
        {
            File.WriteAllText(_path, Minimal);
            Assert.That(CharacterLoader.Load(_path).Id, Is.EqualTo("mira"));
        }

        private void LoadAndValidate(byte[] file)
        {
            File.WriteAllBytes(_path, file);
            try { CharacterValidator.ValidateFile(_path); }
            catch (CharacterLoadException e) { throw new InvalidOperationException("the validator let a load error escape", e); }
            CharacterLoader.Load(_path);
        }

        /// <summary>The committed corpus and the samples' characters.</summary>
        private static List<byte[]> Seeds()
        {
            var seeds = Corpus.Load(Name);
            seeds.AddRange(Directory.GetFiles(Path.Combine(RepoPaths.Root, "Samples~"), "*" + CharacterLoader.FileSuffix, SearchOption.AllDirectories)
                .OrderBy(f => f, StringComparer.Ordinal).Select(File.ReadAllBytes));
            return seeds;
        }

        /// <summary>Inputs too large to commit: 100k unknown fields, a 1 MB name, a 100k-character filler, 100k nested arrays.</summary>
        private static IEnumerable<byte[]> Large()
        {
            yield return Encoding.UTF8.GetBytes(new string('[', 100_000) + new string(']', 100_000));
            yield return Encoding.UTF8.GetBytes(Minimal.Replace("[\"Hm.\"]", $"[\"{new string('h', 100_000)}\"]"));
            yield return WithField($"\"displayName\": \"{new string('M', 1 << 20)}\", ");
            yield return WithField(string.Concat(Enumerable.Range(0, 100_000).Select(i => $"\"unknownField{i}\": {i}, ")));
        }

        public IEnumerable<CorpusEntry> Entries()
        {
            yield return CorpusEntry.Text("minimal.character.json", Minimal, "the smallest valid character: every required field once");
            yield return CorpusEntry.Text("commented.character.json", "// a comment\n" + Minimal.Replace("\"Hm.\"]", "\"Hm.\",]/* trailing */"),
                "comments and a trailing comma, which the loader allows");
            yield return new CorpusEntry("bom.character.json", new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes(Minimal)).ToArray(), "a UTF-8 byte-order mark");
            yield return Field("lone-surrogate-value.character.json", "\"displayName\": \"Mira \\ud800\", ", "a lone high surrogate escape in a string value: issue 11");
            yield return Field("lone-low-surrogate.character.json", "\"persona\": \"\\udc00 reversed \\udfff\\ud800\", ", "lone and reversed surrogate escapes");
            yield return Field("lone-surrogate-key.character.json", "\"\\ud800\": 1, ", "a lone surrogate escape in a property name (an unknown field)");
            yield return new CorpusEntry("invalid-utf8.character.json", WithField("\"persona\": \"caf\u00FF\", ", 0xFF, 0xC0, 0xAF),
                "invalid UTF-8 (0xFF, an overlong 0xC0 0xAF) in a string: issue 11");
            yield return new CorpusEntry("utf8-surrogate-bytes.character.json", WithField("\"persona\": \"x\u00FF\", ", 0xED, 0xA0, 0x80), "a surrogate encoded as UTF-8 bytes (invalid)");
            yield return Field("duplicate-keys.character.json", "\"id\": \"mira-2\", \"displayName\": \"Other\", ", "id and displayName given twice: issue 11");
            yield return Field("duplicate-nested-keys.character.json", "\"voices\": { \"flite\": { \"voice\": \"kal\", \"voice\": \"awb\" } }, ", "a duplicated key inside an object");
            yield return CorpusEntry.Text("empty.character.json", "", "an empty file");
            yield return CorpusEntry.Text("whitespace.character.json", " \n\t ", "whitespace only");
            yield return new CorpusEntry("utf16le.character.json", new byte[] { 0xFF, 0xFE }.Concat(Encoding.Unicode.GetBytes(Minimal)).ToArray(), "the minimal character in UTF-16 LE with its BOM");
            yield return CorpusEntry.Text("not-an-object.character.json", "[1, \"two\", null]", "an array where an object belongs");
            yield return CorpusEntry.Text("nested-1000.character.json", new string('[', 1000) + new string(']', 1000), "arrays nested 1000 deep (beyond the reader's depth limit)");
            yield return Field("huge-numbers.character.json",
                "\"turnTaking\": { \"vadThreshold\": 1e400, \"maxTurnSeconds\": -1e400, \"vadStopSeconds\": 1e-400 }, \"memory\": { \"maxTurns\": 9223372036854775808 }, ",
                "numbers beyond double and int range");
            yield return Field("wrong-types.character.json", "\"voices\": [], \"greetings\": \"hi\", \"intents\": {}, \"fallbacks\": { \"stt\": [1] }, \"cloud\": { \"openai\": 3 }, ",
                "each section of the wrong JSON type");
            yield return Field("terminal-escapes.character.json", "\"displayName\": \"Mira\\u001b[2J\\u0007\", ", "ESC and BEL in a display name");
            yield return Field("foreign-base-url.character.json", "\"cloud\": { \"openai\": { \"baseUrl\": \"https://evil.example/v1\", \"model\": \"x\" } }, ",
                "a character that points the OpenAI key at another host");
            yield return Field("bad-id.character.json", "\"id\": \"../../etc/passwd\", ", "an id that is not a file name");
            yield return CorpusEntry.Text("missing-comma.character.json", Minimal.Replace("\"Mira\",", "\"Mira\""), "a missing comma (the loader's hint case)");
            yield return CorpusEntry.Text("truncated.character.json", Minimal.Substring(0, Minimal.Length / 2), "the minimal character cut in half");
        }

        /// <summary>The minimal character with <paramref name="fields"/> put first (so a field it already has is then given twice).</summary>
        private static CorpusEntry Field(string name, string fields, string meaning) => new CorpusEntry(name, WithField(fields), meaning);

        /// <summary>The fields' text as UTF-8, with the first "\u00FF" replaced by the <paramref name="raw"/> bytes (which no string can hold).</summary>
        private static byte[] WithField(string fields, params byte[] raw)
        {
            var text = Encoding.UTF8.GetBytes("{ " + fields + Minimal.Substring(1));
            if (raw.Length == 0) return text;
            var marker = Encoding.UTF8.GetBytes("\u00FF");
            int at = text.AsSpan().IndexOf(marker);
            return text.Take(at).Concat(raw).Concat(text.Skip(at + marker.Length)).ToArray();
        }
    }
}
