using System.Collections.Generic;
using System.Linq;
using NUnit.Framework;
using VoiceNpc.Characters;

namespace VoiceNpc.Tests.Characters
{
    /// <summary>Every text field and list has a maximum, reported with the path, the limit and what was found; a flood of problems is cut off and counted.</summary>
    public class CharacterLimitsTests
    {
        private const string Valid = CharacterSamples.Minimal;

        private static string Long(int length) => new string('a', length);

        /// <summary>The text put where "FIELD" is in a valid character, the path of the problem and the limit.</summary>
        [TestCase(@"""id"": ""FIELD""", "$.id", TextLimits.Id)]
        [TestCase(@"""displayName"": ""FIELD""", "$.displayName", TextLimits.DisplayName)]
        [TestCase(@"""persona"": ""FIELD""", "$.persona", TextLimits.Persona)]
        [TestCase(@"""greetings"": [""Hello."", ""FIELD""]", "$.greetings[1]", TextLimits.Line)]
        [TestCase(@"""dontUnderstand"": [""FIELD""]", "$.dontUnderstand[0]", TextLimits.Line)]
        [TestCase(@"""fillers"": [""FIELD""]", "$.fillers[0]", TextLimits.Filler)]
        [TestCase(@"""vocabulary"": [""FIELD""]", "$.vocabulary[0]", TextLimits.Phrase)]
        [TestCase(@"""voices"": { ""flite"": { ""voice"": ""FIELD"" } }", "$.voices.flite.voice", TextLimits.Phrase)]
        [TestCase(@"""intents"": [ { ""id"": ""FIELD"", ""keywords"": [""sell""], ""lines"": [""Swords.""] } ]", "$.intents[0].id", TextLimits.Phrase)]
        [TestCase(@"""intents"": [ { ""id"": ""w"", ""keywords"": [""FIELD""], ""lines"": [""Swords.""] } ]", "$.intents[0].keywords[0]", TextLimits.Phrase)]
        [TestCase(@"""intents"": [ { ""id"": ""w"", ""keywords"": [""s""], ""examples"": [""FIELD""], ""lines"": [""S.""] } ]", "$.intents[0].examples[0]", TextLimits.Example)]
        [TestCase(@"""intents"": [ { ""id"": ""w"", ""keywords"": [""sell""], ""lines"": [""FIELD""] } ]", "$.intents[0].lines[0]", TextLimits.Line)]
        [TestCase(@"""intents"": [ { ""id"": ""w"", ""keywords"": [""s""], ""lines"": [""S.""], ""remember"": ""FIELD"" } ]", "$.intents[0].remember", TextLimits.Phrase)]
        [TestCase(@"""prompt"": { ""speakingStyle"": ""FIELD"" }", "$.prompt.speakingStyle", TextLimits.SpeakingStyle)]
        [TestCase(@"""prompt"": { ""worldFacts"": [""FIELD""] }", "$.prompt.worldFacts[0]", TextLimits.PromptEntry)]
        [TestCase(@"""prompt"": { ""rules"": [""FIELD""] }", "$.prompt.rules[0]", TextLimits.PromptEntry)]
        [TestCase(@"""prompt"": { ""deflect"": [ { ""topics"": [""FIELD""], ""line"": ""No."" } ] }", "$.prompt.deflect[0].topics[0]", TextLimits.Phrase)]
        [TestCase(@"""prompt"": { ""deflect"": [ { ""topics"": [""gods""], ""line"": ""FIELD"" } ] }", "$.prompt.deflect[0].line", TextLimits.Line)]
        [TestCase(@"""fallbacks"": { ""tts"": [""FIELD""] }", "$.fallbacks.tts[0]", TextLimits.Phrase)]
        [TestCase(@"""cloud"": { ""openai"": { ""model"": ""FIELD"" } }", "$.cloud.openai.model", TextLimits.Text)]
        public void EveryTextFieldHasAMaximumLength(string field, string path, int limit)
        {
            var e = Assert.Throws<CharacterLoadException>(() => CharacterLoader.Parse(WithField(field, Long(limit + 1)), "x.character.json"))!;
            var problem = e.Problems.Single(p => p.JsonPath == path);
            Assert.That(problem.Expected, Is.EqualTo($"at most {limit} characters, found {limit + 1}"));

            Assert.That(ProblemsOf(WithField(field, Long(limit))).Where(p => p.JsonPath == path).Select(p => p.Expected),
                Has.None.StartsWith("at most"), "the limit itself is allowed");
        }

        [TestCase(@"""greetings"": [ITEMS]", "$.greetings", TextLimits.Items)]
        [TestCase(@"""fillers"": [ITEMS]", "$.fillers", TextLimits.Items)]
        [TestCase(@"""vocabulary"": [ITEMS]", "$.vocabulary", TextLimits.VocabularyItems)]
        [TestCase(@"""prompt"": { ""rules"": [ITEMS] }", "$.prompt.rules", TextLimits.Items)]
        [TestCase(@"""fallbacks"": { ""llm"": [ITEMS] }", "$.fallbacks.llm", TextLimits.ChainProviders)]
        public void EveryListHasAMaximumCountReportedOnce(string field, string path, int limit)
        {
            string item = path.EndsWith("llm") ? @"""scripted""" : @"""Hi.""";
            string text = WithField(field.Replace("ITEMS", string.Join(", ", Enumerable.Repeat(item, limit * 10))), "");
            var e = Assert.Throws<CharacterLoadException>(() => CharacterLoader.Parse(text, "x.character.json"))!;
            Assert.That(e.Problems.Select(p => p.JsonPath), Is.EqualTo(new[] { path }));
            Assert.That(e.Problems.Single().Expected, Is.EqualTo($"at most {limit} items, found {limit * 10}"));
        }

        [Test]
        public void IntentsAreBounded()
        {
            string intent = @"{ ""id"": ""IDX"", ""keywords"": [""k""], ""lines"": [""L.""] }";
            string intents = string.Join(", ", Enumerable.Range(0, TextLimits.Intents + 1).Select(i => intent.Replace("IDX", "i" + i)));
            var e = Assert.Throws<CharacterLoadException>(() => CharacterLoader.Parse(WithField($@"""intents"": [{intents}]", ""), "x.character.json"))!;
            Assert.That(e.Problems.Single().JsonPath, Is.EqualTo("$.intents"));
            Assert.That(e.Problems.Single().Expected, Is.EqualTo($"at most {TextLimits.Intents} items, found {TextLimits.Intents + 1}"));
        }

        [Test]
        public void AFloodOfProblemsIsCutOffAndCounted()
        {
            string unknown = string.Concat(Enumerable.Range(0, 5000).Select(i => $@"""unknown{i}"": 0, "));
            var e = Assert.Throws<CharacterLoadException>(() => CharacterLoader.Parse(Valid.Replace(@"""persona""", unknown + @"""persona"""), "x.character.json"))!;
            Assert.That(e.Problems, Has.Count.EqualTo(TextLimits.Problems + 1));
            Assert.That(e.Problems.Take(TextLimits.Problems).Select(p => p.JsonPath), Is.EqualTo(Enumerable.Range(0, TextLimits.Problems).Select(i => $"$.unknown{i}")));
            Assert.That(e.Problems.Last().Expected, Does.Contain($"... and {5000 - TextLimits.Problems} more not listed"));
            Assert.That(e.Message, Does.Contain($"... and {5000 - TextLimits.Problems} more"));
        }

        [TestCase(@"""memory"": { ""maxTurns"": 1e400 }", "$.memory.maxTurns", "found the number 1e400")]
        [TestCase(@"""turnTaking"": { ""vadThreshold"": -1e400 }", "$.turnTaking.vadThreshold", "found the number -1e400")]
        [TestCase(@"""memory"": { ""maxTurns"": 99999999999999999999999 }", "$.memory.maxTurns", "a number from 1 to 500")]
        public void NumbersOutOfEveryRangeAreProblems(string field, string path, string expected)
        {
            var e = Assert.Throws<CharacterLoadException>(() => CharacterLoader.Parse(WithField(field, ""), "x.character.json"))!;
            Assert.That(e.Problems.Single().JsonPath, Is.EqualTo(path));
            Assert.That(e.Problems.Single().Expected, Does.Contain(expected));
        }

        [Test]
        public void LongValuesAreShortenedInMessages()
        {
            var e = Assert.Throws<CharacterLoadException>(() => CharacterLoader.Parse(WithField(@"""intents"": ""FIELD""", Long(100_000)), "x.character.json"))!;
            Assert.That(e.Problems.Single().Expected, Does.StartWith("an array of intents, found the string \"aaaa").And.EndWith("… (100000 characters)\""));
            Assert.That(e.Message.Length, Is.LessThan(1000));
        }

        [Test]
        public void ALongFieldNameIsAProblemWithoutTheNameInTheMessage()
        {
            var e = Assert.Throws<CharacterLoadException>(() => CharacterLoader.Parse(WithField(@"""FIELD"": 1", Long(TextLimits.FieldName + 1)), "x.character.json"))!;
            Assert.That(e.Problems.Single().JsonPath, Is.EqualTo("$"));
            Assert.That(e.Problems.Single().Expected, Is.EqualTo($"field names of at most {TextLimits.FieldName} characters, found one of {TextLimits.FieldName + 1}"));
        }

        private static IReadOnlyList<CharacterProblem> ProblemsOf(string text)
        {
            try { CharacterLoader.Parse(text, "x.character.json"); return new CharacterProblem[0]; }
            catch (CharacterLoadException e) { return e.Problems; }
        }

        /// <summary>The valid character with <paramref name="field"/> (FIELD replaced by <paramref name="text"/>) in place of the field of that name, or added.</summary>
        private static string WithField(string field, string text)
        {
            string name = field.Substring(0, field.IndexOf(':'));
            var json = System.Text.Json.Nodes.JsonNode.Parse(Valid)!.AsObject();
            json.Remove(name.Trim('"'));
            string rest = json.ToJsonString();
            return "{" + field.Replace("FIELD", text) + ", " + rest.Substring(1);
        }
    }
}
