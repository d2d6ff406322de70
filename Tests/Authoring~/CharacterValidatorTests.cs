using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using NJsonSchema;
using NUnit.Framework;
using VoiceNpc.Authoring;
using VoiceNpc.Tests.Support;

namespace VoiceNpc.Tests.Authoring
{
    /// <summary>
    /// A corpus of broken characters (the sample with one thing wrong each): the validator names the place, says what
    /// was expected and hints at the fix; the published schema rejects what it can express and accepts the sample.
    /// </summary>
    public class CharacterValidatorTests
    {
        /// <summary>A broken variant of the sample: the edit, where the finding must be, words of its message and hint, and whether the schema can see it.</summary>
        public sealed record Case(string Name, Action<JsonObject> Break, string Path, string Expected, string Hint, IssueSeverity Severity = IssueSeverity.Error, bool SchemaSees = true)
        {
            public override string ToString() => Name;
        }

        public static IEnumerable<Case> Corpus() => new[]
        {
            new Case("misspelt field", c => { c["personna"] = "x"; }, "$.personna", "no such field", "did you mean \"persona\"?"),
            new Case("unknown provider", c => { c["fallbacks"]!["tts"] = new JsonArray("fliet"); }, "$.fallbacks.tts[0]", "one of flite, openai, elevenlabs", "did you mean \"flite\"?"),
            new Case("no voice for a chained provider", c => { c["fallbacks"]!["tts"] = new JsonArray("elevenlabs", "flite"); }, "$.voices", "a voice for \"elevenlabs\"", "add an entry under \"voices\"", SchemaSees: false),
            new Case("empty filler", c => { c["fillers"] = new JsonArray("   "); }, "$.fillers[0]", "a non-empty string", "write the line"),
            new Case("missing greetings", c => { c.Remove("greetings"); }, "$.greetings", "a value (the field is required)", "characters new"),
            new Case("no intents", c => { c["intents"] = new JsonArray(); }, "$.intents", "at least 1 intent", ""),
            new Case("thinking budget out of range", c => { c["turnTaking"]!["thinkingBudgetSeconds"] = 0.05; }, "$.turnTaking.thinkingBudgetSeconds", "a number from 0.1 to 30", "delete the field to use the default"),
            new Case("reply length out of range", c => { c["prompt"]!["maxReplySentences"] = 0; }, "$.prompt.maxReplySentences", "a number from 1 to 10", "range"),
            new Case("fractional reply length", c => { c["prompt"]!["maxReplySentences"] = 2.5; }, "$.prompt.maxReplySentences", "a whole number from 1 to 10", "no decimals"),
            new Case("deflection without a line", c => { c["prompt"]!["deflect"]![0]!.AsObject().Remove("line"); }, "$.prompt.deflect[0].line", "a value (the field is required)", "add \"line\""),
            new Case("bad id", c => { c["id"] = "brenna the smith"; }, "$.id", "letters, digits", ""),
            new Case("display name too long", c => { c["displayName"] = new string('B', 101); }, "$.displayName", "at most 100 characters, found 101", "shorten it"),
            new Case("filler too long", c => { c["fillers"]![0] = new string('m', 201); }, "$.fillers[0]", "at most 200 characters, found 201", "shorten it"),
            new Case("too many greetings", c => { c["greetings"] = new JsonArray(Enumerable.Range(0, 101).Select(i => (JsonNode?)JsonValue.Create("Hi " + i)).ToArray()); },
                "$.greetings", "at most 100 items, found 101", "keep the best ones"),
            new Case("vocabulary phrase too long", c => { c["vocabulary"] = new JsonArray(new string('v', 101)); }, "$.vocabulary[0]", "at most 100 characters", "shorten it"),
            new Case("thinking budget hardly above the VAD stop", c => { c["turnTaking"]!["thinkingBudgetSeconds"] = 0.3; }, "$.turnTaking.thinkingBudgetSeconds", "a thinking budget of at least 0.5 s", "a filler plays over almost every reply", IssueSeverity.Warning, SchemaSees: false),
            new Case("thinking budget too long", c => { c["turnTaking"]!["thinkingBudgetSeconds"] = 5; }, "$.turnTaking.thinkingBudgetSeconds", "at most 3 s", "1.5 s", IssueSeverity.Warning, SchemaSees: false),
            new Case("chain ends in the cloud", c => { c["fallbacks"]!["llm"] = new JsonArray("openai"); }, "$.fallbacks.llm", "an embedded provider last", "end the chain with scripted", IssueSeverity.Warning, SchemaSees: false),
        };

        private static JsonObject Sample() => JsonNode.Parse(File.ReadAllText(RepoPaths.BlacksmithCharacter))!.AsObject();

        [Test]
        public void TheSampleHasNoFindings() =>
            Assert.That(CharacterValidator.ValidateFile(RepoPaths.BlacksmithCharacter), Is.Empty);

        [TestCaseSource(nameof(Corpus))]
        public void EachBrokenFileIsNamedWhereItIsBrokenWithAHint(Case broken)
        {
            var json = Sample();
            broken.Break(json);
            var issues = CharacterValidator.Validate(json.ToJsonString(), "broken.character.json");
            var issue = issues.FirstOrDefault(i => i.JsonPath == broken.Path && i.Expected.Contains(broken.Expected));
            Assert.That(issue, Is.Not.Null, $"expected a finding at {broken.Path} (\"{broken.Expected}\"); got:\n{string.Join("\n", issues)}");
            Assert.That(issue!.Severity, Is.EqualTo(broken.Severity));
            Assert.That(issue.Hint, Does.Contain(broken.Hint));
            Assert.That(issue.File, Is.EqualTo("broken.character.json"));
            Assert.That(CharacterValidator.HasErrors(issues), Is.EqualTo(broken.Severity == IssueSeverity.Error));
        }

        [Test]
        public void MalformedJsonIsPlacedByLineWithAHint()
        {
            var issue = CharacterValidator.Validate("{\n  \"id\": \"x\"\n  \"displayName\": \"y\"\n}", "bad.character.json").Single();
            Assert.That(issue.JsonPath, Is.EqualTo("line 3, byte 3"));
            Assert.That(issue.Expected, Does.StartWith("well-formed JSON"));
            Assert.That(issue.Hint, Does.Contain("missing comma"));
        }

        [Test]
        public void AnEmptyFileIsSaidToBeEmptyNotMissingAComma()
        {
            foreach (string text in new[] { "", "  \n\t", "\uFEFF" })
            {
                var issue = CharacterValidator.Validate(text, "empty.character.json").Single();
                Assert.That(issue.Expected, Does.Contain("empty file"));
                Assert.That(issue.Hint, Does.StartWith("the file is empty").And.Not.Contain("comma"));
            }
        }

        [TestCase("utf-16", "the file is UTF-16: save it as UTF-8")]
        [TestCase("utf-16BE", "the file is UTF-16: save it as UTF-8")]
        [TestCase("utf-32", "the file is UTF-32: save it as UTF-8")]
        [TestCase("latin-1", "the file is not UTF-8")]
        public void AFileInAnotherEncodingIsNamedWithTheFix(string encoding, string hint)
        {
            string sample = File.ReadAllText(RepoPaths.BlacksmithCharacter).Replace("Brenna", "Br\u00e9nna");
            byte[] bytes = encoding == "latin-1" ? sample.Select(c => (byte)c).ToArray()
                : System.Text.Encoding.GetEncoding(encoding).GetPreamble().Concat(System.Text.Encoding.GetEncoding(encoding).GetBytes(sample)).ToArray();
            string path = Path.Combine(Path.GetTempPath(), $"voicenpc-{encoding}-{Guid.NewGuid():N}.character.json");
            File.WriteAllBytes(path, bytes);
            try
            {
                var issue = CharacterValidator.ValidateFile(path).Single();
                Assert.That(issue.Hint, Does.StartWith(hint));
                Assert.That(issue.Hint, Does.Not.Contain("comma"));
            }
            finally { File.Delete(path); }
        }

        [TestCase("{\"id\": \"\\ud800\"}", "$.id", "both halves of its pair")]
        [TestCase("{\"id\": \"a\", \"id\": \"b\"}", "$.id", "keep one of the two")]
        [TestCase("[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]",
            "line 1", "nests only a few levels")]
        [TestCase("{\"id\": \"a\"", "line 1, byte 11", "closing } or ] is missing")]
        [TestCase("{\"id\": \"a\"}\n{\"id\": \"a\"}", "line 2, byte 1", "goes on after the character's closing }")]
        [TestCase("{\"id\": \"a\"} /* end", "line 1", "comment is not closed")]
        public void EncodingAndStructureProblemsGetTheirOwnHint(string json, string path, string hint)
        {
            var issue = CharacterValidator.Validate(json, "bad.character.json").Single();
            Assert.That(issue.JsonPath, Does.StartWith(path));
            Assert.That(issue.Hint, Does.Contain(hint));
        }

        [Test]
        public void AFolderOrAMissingFileIsAnIssueNotAnException()
        {
            Assert.That(CharacterValidator.ValidateFile(Path.GetTempPath()).Single().Expected, Does.Contain("found a folder"));
            var missing = CharacterValidator.ValidateFile(Path.Combine(Path.GetTempPath(), "none-" + Guid.NewGuid().ToString("N") + ".character.json")).Single();
            Assert.That(missing.Expected, Does.Contain("not found"));
            Assert.That(missing.Hint, Is.EqualTo("check the path"));
        }

        [Test]
        public void AFileWithManyUnknownFieldsListsTheFirstHundredAndCountsTheRest()
        {
            var json = Sample();
            for (int i = 0; i < 50_000; i++) json["unknown" + i] = i;
            var issues = CharacterValidator.Validate(json.ToJsonString(), "flood.character.json");
            Assert.That(issues, Has.Count.EqualTo(101));
            Assert.That(issues.Last().Expected, Does.Contain("... and 49900 more not listed"));
            Assert.That(issues.Last().Hint, Does.Contain("validate again"));
        }

        [Test]
        public void ThePublishedSchemaAcceptsTheSampleAndRejectsWhatItCanSee()
        {
            var schema = JsonSchema.FromJsonAsync(CharacterSchema.Text).GetAwaiter().GetResult();
            Assert.That(schema.Validate(File.ReadAllText(RepoPaths.BlacksmithCharacter)), Is.Empty, "the sample is valid");
            Assert.That(schema.Validate(CharacterTemplate.Create("new-one", "New One", "character.schema.json")), Is.Empty, "a new character is valid");
            foreach (var broken in Corpus().Where(c => c.SchemaSees))
            {
                var json = Sample();
                broken.Break(json);
                Assert.That(schema.Validate(json.ToJsonString()), Is.Not.Empty, $"the schema lets through: {broken.Name}");
            }
        }

        /// <summary>Every text field and list in the schema has a maximum, so an editor flags what the loader refuses (the cloud section is checked by the loader).</summary>
        [Test]
        public void EveryTextFieldAndListInTheSchemaIsBounded()
        {
            var unbounded = new List<string>();
            void Walk(JsonNode? node, string path)
            {
                if (node is JsonArray list) { for (int i = 0; i < list.Count; i++) Walk(list[i], $"{path}[{i}]"); return; }
                if (node is not JsonObject schema) return;
                string? type = schema["type"] is JsonValue t && t.TryGetValue(out string? s) ? s : null;
                if (type == "string" && schema["maxLength"] == null && schema["enum"] == null) unbounded.Add(path);
                if (type == "array" && schema["maxItems"] == null) unbounded.Add(path);
                foreach (var (name, child) in schema) Walk(child, $"{path}.{name}");
            }
            var root = JsonNode.Parse(CharacterSchema.Text)!.AsObject();
            foreach (var (name, child) in root["properties"]!.AsObject())
                if (name != "$schema" && name != "cloud") Walk(child, "$." + name);
            Assert.That(unbounded, Is.Empty);
        }

        [Test]
        public void TheSchemaFileInTheRepositoryIsTheOneTheLibraryPublishes() =>
            Assert.That(File.ReadAllText(Path.Combine(RepoPaths.Root, "Editor", "Authoring", CharacterSchema.FileName)), Is.EqualTo(CharacterSchema.Text));
    }
}
