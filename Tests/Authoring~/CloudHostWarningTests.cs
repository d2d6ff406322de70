using System.Linq;
using System.Text.Json.Nodes;
using NJsonSchema;
using NUnit.Framework;
using VoiceNpc.Authoring;
using VoiceNpc.Tests.Support;

namespace VoiceNpc.Tests.Authoring
{
    /// <summary>
    /// A character that sends a cloud service to another host than its vendor's is legal, but the player's key goes
    /// there only if the player bound one to that host: the validator (and so the studio) warns, naming service and
    /// host; a "key" that is not a key name (a pasted key) is an error that does not repeat the value.
    /// </summary>
    public class CloudHostWarningTests
    {
        private static string WithCloud(string cloud)
        {
            var json = JsonNode.Parse(System.IO.File.ReadAllText(RepoPaths.BlacksmithCharacter))!.AsObject();
            json["cloud"] = JsonNode.Parse(cloud);
            return json.ToJsonString();
        }

        private static ValidationIssue[] Issues(string cloud) => CharacterValidator.Validate(WithCloud(cloud), "modded.character.json").ToArray();

        [Test]
        public void AServicePointedAtAnotherHostIsAWarningNamingServiceAndHost()
        {
            var issue = Issues("{\"openai\": {\"baseUrl\": \"https://api.groq.com/openai/v1\"}}").Single();
            Assert.That((issue.Severity, issue.JsonPath), Is.EqualTo((IssueSeverity.Warning, "$.cloud.openai.baseUrl")));
            Assert.That(issue.Expected, Is.EqualTo("openai at its vendor's host api.openai.com, found api.groq.com"));
            Assert.That(issue.Hint, Does.StartWith("a key must be configured for api.groq.com: name one here (\"key\": \"NAME\")")
                .And.Contain("~/.config/voicenpc/secrets.json").And.Contain("otherwise openai is refused and the chain falls back"));
        }

        [Test]
        public void WithAKeyNameTheWarningSaysWhichKeyEachPlayerNeeds()
        {
            var issue = Issues("{\"elevenlabs\": {\"baseUrl\": \"https://tts.example.com\", \"key\": \"studio-tts\"}}").Single();
            Assert.That((issue.Severity, issue.JsonPath), Is.EqualTo((IssueSeverity.Warning, "$.cloud.elevenlabs.baseUrl")));
            Assert.That(issue.Expected, Does.Contain("found tts.example.com"));
            Assert.That(issue.Hint, Does.Contain("\"keys\": {\"studio-tts\": {\"key\": \"…\", \"baseUrl\": \"https://tts.example.com\"}}"));
        }

        [Test]
        public void AKeyNameWithoutABaseUrlIsAWarningThatPlayersNeedIt()
        {
            var issue = Issues("{\"deepgram\": {\"key\": \"eu\"}}").Single();
            Assert.That((issue.Severity, issue.JsonPath, issue.Expected), Is.EqualTo((IssueSeverity.Warning, "$.cloud.deepgram.key",
                "a key named \"eu\" in each player's ~/.config/voicenpc/secrets.json")));
        }

        [Test]
        public void TheVendorsOwnHostIsNoFinding() =>
            Assert.That(Issues("{\"openai\": {\"baseUrl\": \"https://api.openai.com/v1\", \"model\": \"gpt-4o\"}, \"deepgram\": {\"baseUrl\": \"https://api.deepgram.com\"}}"),
                Is.Empty);

        [TestCase("sk-proj-0123456789abcdef0123456789abcdef")]
        [TestCase("my key")]
        [TestCase("")]
        public void AKeyThatIsNotAKeyNameIsAnErrorThatDoesNotRepeatIt(string key)
        {
            string cloud = "{\"openai\": {\"key\": \"" + key + "\"}}";
            var issue = Issues(cloud).Single();
            Assert.That((issue.Severity, issue.JsonPath), Is.EqualTo((IssueSeverity.Error, "$.cloud.openai.key")));
            Assert.That(issue.Expected, Does.Contain("the name of a key in the user's secrets file").And.Contain("never the key itself"));
            if (key.Length > 0) Assert.That(issue.ToString(), Does.Not.Contain(key));
            var schema = JsonSchema.FromJsonAsync(CharacterSchema.Text).GetAwaiter().GetResult();
            Assert.That(schema.Validate(WithCloud(cloud)), Is.Not.Empty, "the schema sees it too");
            Assert.That(schema.Validate(WithCloud("{\"openai\": {\"key\": \"groq\"}}")), Is.Empty);
        }
    }
}
