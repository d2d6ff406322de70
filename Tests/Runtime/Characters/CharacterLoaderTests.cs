using System.Linq;
using NUnit.Framework;
using VoiceNpc.Characters;
using VoiceNpc.Tests.Support;

namespace VoiceNpc.Tests.Characters
{
    public class CharacterLoaderTests
    {
        private const string Valid = CharacterSamples.Minimal;

        [Test]
        public void TheSampleCharacterLoads()
        {
            var c = CharacterLoader.Load(RepoPaths.BlacksmithCharacter);
            Assert.That(c.Id, Is.EqualTo("brenna-blacksmith"));
            Assert.That(c.Voices["flite"].Voice, Is.EqualTo("awb"));
            Assert.That(c.TurnTaking.VadStopSeconds, Is.EqualTo(0.2));
            Assert.That(c.Intents.Select(i => i.Id), Does.Contain("repair"));
        }

        [Test]
        public void DefaultsApplyWhenOptionalFieldsAreAbsent()
        {
            var c = CharacterLoader.Parse(Valid, "smith.character.json");
            Assert.That(c.Fallbacks.Tts, Is.EqualTo(new[] { "flite" }));
            Assert.That(c.TurnTaking.BargeInMinSeconds, Is.EqualTo(0.5));
            Assert.That(c.TurnTaking.ThinkingBudgetSeconds, Is.EqualTo(1.2));
        }

        [Test]
        public void MemoryBudgetAndRememberedIntentsLoad()
        {
            string text = Valid
                .Replace(@"""lines"": [""Swords.""] }", @"""lines"": [""Swords.""], ""remember"": ""item"" }")
                .Replace(@"""fillers"": [""Hmm.""],", @"""fillers"": [""Hmm.""], ""memory"": { ""maxTurns"": 8, ""maxSummaryCharacters"": 500 },");
            var c = CharacterLoader.Parse(text, "smith.character.json");
            Assert.That(c.Memory, Is.EqualTo(new MemorySettings { MaxTurns = 8, MaxSummaryCharacters = 500 }));
            Assert.That(c.Intents.Single().Remember, Is.EqualTo("item"));
            Assert.That(CharacterLoader.Parse(Valid, "smith.character.json").Memory, Is.EqualTo(MemorySettings.Default));

            var e = Assert.Throws<CharacterLoadException>(() => CharacterLoader.Parse(
                Valid.Replace(@"""fillers"": [""Hmm.""],", @"""fillers"": [""Hmm.""], ""memory"": { ""maxTurns"": 0, ""keepAll"": true },"), "bad.character.json"))!;
            Assert.That(e.Problems.Select(p => p.JsonPath), Is.EquivalentTo(new[] { "$.memory.maxTurns", "$.memory.keepAll" }));
        }

        [Test]
        public void CloudSettingsLoadPerServiceAndBadOnesAreNamed()
        {
            var c = CharacterLoader.Parse(Valid.Replace(@"""fillers"": [""Hmm.""],", @"""fillers"": [""Hmm.""], ""cloud"": { ""openai"": { ""baseUrl"": ""http://127.0.0.1:8080/v1"", ""model"": ""llama"" } },"), "smith.character.json");
            Assert.That(c.CloudFor("openai"), Is.EqualTo(new CloudSettings("http://127.0.0.1:8080/v1", "llama")));
            Assert.That(c.CloudFor("deepgram"), Is.EqualTo(new CloudSettings()));

            var e = Assert.Throws<CharacterLoadException>(() => CharacterLoader.Parse(Valid.Replace(@"""fillers"": [""Hmm.""],",
                @"""fillers"": [""Hmm.""], ""cloud"": { ""azure"": {}, ""openai"": { ""baseUrl"": ""not a url"", ""region"": ""eu"" } },"), "bad.character.json"))!;
            Assert.That(e.Problems.Select(p => p.JsonPath), Is.EquivalentTo(new[] { "$.cloud.azure", "$.cloud.openai.baseUrl", "$.cloud.openai.region" }));
        }

        [Test]
        public void EveryProblemIsReportedWithItsPathAndNothingLoads()
        {
            string broken = Valid
                .Replace(@"""displayName"": ""Smith"",", @"""displayName"": 7, ""greting"": 1,")
                .Replace(@"""lines"": [""Swords.""]", @"""lines"": []")
                .Replace(@"""fillers"": [""Hmm.""]", @"""fillers"": [""Hmm."", """"], ""turnTaking"": { ""vadStopSeconds"": 40 }");
            var e = Assert.Throws<CharacterLoadException>(() => CharacterLoader.Parse(broken, "bad.character.json"))!;
            var paths = e.Problems.Select(p => p.JsonPath).ToList();
            Assert.That(paths, Is.EquivalentTo(new[]
            {
                "$.displayName", "$.greting", "$.intents[0].lines", "$.fillers[1]", "$.turnTaking.vadStopSeconds",
            }));
            Assert.That(e.Problems.All(p => p.File == "bad.character.json"), Is.True);
            Assert.That(e.Problems.Single(p => p.JsonPath == "$.displayName").Expected, Does.Contain("a string, found the number 7"));
            Assert.That(e.Message, Does.Contain("bad.character.json").And.Contain("5 problems"));
        }

        [Test]
        public void UnknownProvidersAndMissingVoicesAreProblems()
        {
            string broken = Valid.Replace(@"""voices"": { ""flite"": { ""voice"": ""kal"" } },",
                @"""voices"": {}, ""fallbacks"": { ""tts"": [""flite""], ""llm"": [""gpt-9""] },");
            var e = Assert.Throws<CharacterLoadException>(() => CharacterLoader.Parse(broken, "x.character.json"))!;
            Assert.That(e.Problems.Select(p => p.JsonPath), Is.EquivalentTo(new[] { "$.fallbacks.llm[0]", "$.voices" }));
            Assert.That(e.Problems.First(p => p.JsonPath == "$.voices").Expected, Does.Contain("a voice for \"flite\""));
        }

        [Test]
        public void MalformedJsonNamesTheLine()
        {
            var e = Assert.Throws<CharacterLoadException>(() => CharacterLoader.Parse("{\n  \"id\": \"a\",\n  oops\n}", "m.character.json"))!;
            Assert.That(e.Problems.Single().JsonPath, Does.StartWith("line 3"));
            Assert.That(e.Problems.Single().Expected, Does.StartWith("well-formed JSON"));
        }

        [Test]
        public void AMissingFileIsAProblemNotACrash()
        {
            var problems = CharacterLoader.Validate("/nonexistent/none.character.json");
            Assert.That(problems.Single().Expected, Does.Contain("not found"));
        }
    }
}
