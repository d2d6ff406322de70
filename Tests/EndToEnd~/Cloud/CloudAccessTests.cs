using System;
using System.Collections.Generic;
using System.IO;
using NUnit.Framework;
using VoiceNpc.Characters;
using VoiceNpc.Providers;
using VoiceNpc.Providers.Cloud;
using VoiceNpc.Tests.Support;

namespace VoiceNpc.Tests.EndToEnd.Cloud
{
    /// <summary>
    /// Which endpoint and key a cloud provider gets: a key goes only to the origin it was configured with (the
    /// environment's or secrets file's base URL beside it, else the vendor's), a character moves a service elsewhere
    /// only with a key name the user bound to that host, and a key given in code goes where the code says.
    /// </summary>
    public class CloudAccessTests
    {
        private const string EnvironmentKey = "sk-env-0123456789abcdef", FileKey = "sk-file-0123456789abcdef", GroqKey = "gsk-0123456789abcdef";
        private string _folder = "", _secrets = "";
        private readonly Dictionary<string, string?> _environment = new Dictionary<string, string?>();

        [SetUp]
        public void Start()
        {
            _folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "voicenpc-access-" + Guid.NewGuid().ToString("N"))).FullName;
            _secrets = Path.Combine(_folder, "secrets.json");
            _environment.Clear();
        }

        [TearDown]
        public void Stop() => Directory.Delete(_folder, recursive: true);

        private CloudKeyring Keyring => new CloudKeyring(_secrets, name => _environment.TryGetValue(name, out var value) ? value : null);

        private static CharacterDefinition Character(string service, string? baseUrl, string? keyName = null) =>
            CharacterLoader.Load(RepoPaths.BlacksmithCharacter) with
            {
                Cloud = new Dictionary<string, CloudSettings> { [service] = new CloudSettings(baseUrl, null, keyName) },
            };

        private CloudAccess OpenAI(string? baseUrl, string? keyName = null) =>
            CloudAccess.ForCharacter("openai", CloudService.OpenAI, Character("openai", baseUrl, keyName), Keyring);

        private ProviderException Refused(string? baseUrl, string? keyName = null) =>
            Assert.Throws<ProviderException>(() => OpenAI(baseUrl, keyName))!;

        [Test]
        public void TheDefaultKeyGoesToTheVendorsEndpoint()
        {
            _environment["OPENAI_API_KEY"] = EnvironmentKey;
            var access = OpenAI(null);
            Assert.That(access.Endpoint, Is.EqualTo(new Uri("https://api.openai.com/v1")));
            Assert.That(access.Key.Source, Is.EqualTo("environment variable OPENAI_API_KEY"));
        }

        [Test]
        public void ACharacterMayMoveAServiceWithinTheBaseUrlItsKeyIsBoundTo()
        {
            _environment["OPENAI_API_KEY"] = EnvironmentKey;
            Assert.That(OpenAI("https://API.openai.com/v1/").Endpoint, Is.EqualTo(new Uri("https://api.openai.com/v1/")));
            Assert.That(OpenAI("https://api.openai.com/v1/proxy").Endpoint, Is.EqualTo(new Uri("https://api.openai.com/v1/proxy")));
        }

        [TestCase("https://api.openai.com/v2")]
        [TestCase("https://api.openai.com/v10")]
        [TestCase("https://api.openai.com/")]
        public void AnotherPathOnTheSameHostIsRefused(string baseUrl)
        {
            // A shared gateway keeps other tenants under other paths of one host: the key stays under its own.
            _environment["OPENAI_API_KEY"] = EnvironmentKey;
            Assert.That(Refused(baseUrl).Message, Does.Contain("no key is configured for that host"));
        }

        [TestCase("https://api.groq.com/openai/v1", "api.groq.com")]
        [TestCase("https://api.openai.com:8443/v1", "api.openai.com:8443")]
        [TestCase("https://api.openai.com.evil.example/v1", "api.openai.com.evil.example")]
        public void ACharacterPointingTheDefaultKeyElsewhereIsRefusedNamingCharacterServiceAndHost(string baseUrl, string host)
        {
            _environment["OPENAI_API_KEY"] = EnvironmentKey;
            var error = Refused(baseUrl);
            Assert.That(error.Message, Does.StartWith($"openai: character \"brenna-blacksmith\" points openai at {host}, but no key is configured for that host; add \"keys\""));
            Assert.That(error.Message, Does.Contain(_secrets).And.Contain("OPENAI_API_KEY goes only to api.openai.com"));
        }

        [Test]
        public void TheEnvironmentsBaseUrlBesideTheKeyIsWhereItIsBound()
        {
            _environment["OPENAI_API_KEY"] = EnvironmentKey;
            _environment["OPENAI_BASE_URL"] = "http://127.0.0.1:5001/v1";
            Assert.That(OpenAI(null).Endpoint, Is.EqualTo(new Uri("http://127.0.0.1:5001/v1")));
            Assert.That(OpenAI("http://127.0.0.1:5001/v1/other").Endpoint.AbsolutePath, Is.EqualTo("/v1/other"));
            Assert.That(Refused("http://127.0.0.1:5001/other").Message, Does.Contain("points openai at 127.0.0.1:5001"), "outside the bound path");
            Assert.That(Refused("http://127.0.0.2:5001/v1").Message, Does.Contain("points openai at 127.0.0.2:5001, but no key is configured for that host"));
            Assert.That(Refused("http://127.0.0.1:5002/v1").Message, Does.Contain("points openai at 127.0.0.1:5002"));
            Assert.That(Refused("https://api.openai.com/v1").Message, Does.Contain("points openai at api.openai.com").And.Contain("from OPENAI_BASE_URL"));
        }

        [Test]
        public void AFlatSecretsFileKeyIsBoundToTheBaseUrlBesideIt()
        {
            File.WriteAllText(_secrets, "{\"OPENAI_API_KEY\": \"" + FileKey + "\"}");
            Assert.That(OpenAI(null).Endpoint, Is.EqualTo(new Uri("https://api.openai.com/v1")), "today's flat file: the vendor's endpoint");
            _environment["OPENAI_BASE_URL"] = "https://proxy.example/v1";
            Assert.That(OpenAI(null).Endpoint, Is.EqualTo(new Uri("https://proxy.example/v1")), "or the environment's base URL");
            File.WriteAllText(_secrets, "{\"OPENAI_API_KEY\": \"" + FileKey + "\", \"OPENAI_BASE_URL\": \"https://other-proxy.example/v1\"}");
            var access = OpenAI(null);
            Assert.That(access.Endpoint, Is.EqualTo(new Uri("https://other-proxy.example/v1")), "the file's own base URL beside its key wins");
            Assert.That(access.Key.Source, Does.Contain("OPENAI_API_KEY in " + _secrets));
            Assert.That(Refused("https://proxy.example/v1").Message, Does.Contain("from $.OPENAI_BASE_URL in " + _secrets));
        }

        [Test]
        public void ANamedKeyGoesToTheHostItIsBoundTo()
        {
            _environment["OPENAI_API_KEY"] = EnvironmentKey;
            File.WriteAllText(_secrets, "{\"keys\": {\"groq\": {\"key\": \"" + GroqKey + "\", \"baseUrl\": \"https://api.groq.com/openai/v1\"}}}");
            var access = OpenAI("https://api.groq.com/openai/v1", "groq");
            Assert.That(access.Endpoint, Is.EqualTo(new Uri("https://api.groq.com/openai/v1")));
            Assert.That(access.Key.Source, Is.EqualTo($"key \"groq\" in {_secrets}"));
            Assert.That(OpenAI(null, "GROQ").Endpoint, Is.EqualTo(new Uri("https://api.groq.com/openai/v1")), "without a base URL: the key's own (names ignore case)");
        }

        [Test]
        public void ANamedKeyIsNeverSentToAnotherHost()
        {
            File.WriteAllText(_secrets, "{\"keys\": {\"groq\": {\"key\": \"" + GroqKey + "\", \"baseUrl\": \"https://api.groq.com/openai/v1\"}}}");
            var error = Refused("https://api.groq.com.evil.example/openai/v1", "groq");
            Assert.That(error.Message, Is.EqualTo("openai: character \"brenna-blacksmith\" points openai at api.groq.com.evil.example with key \"groq\", but that key is bound to " +
                                                  $"api.groq.com ($.keys.groq.baseUrl in {_secrets}) and goes nowhere else"));
        }

        [Test]
        public void AKeyNameTheUserHasNotConfiguredIsRefused()
        {
            _environment["OPENAI_API_KEY"] = EnvironmentKey;
            var error = Refused("https://api.groq.com/openai/v1", "groq");
            Assert.That(error.Message, Does.StartWith($"openai: character \"brenna-blacksmith\" names key \"groq\" for openai, but {_secrets} has no key \"groq\""));
            Assert.That(error.Message, Does.Contain("\"baseUrl\": \"https://api.groq.com/openai/v1\""));
        }

        [Test]
        public void WithoutAnyKeyTheMessageSaysWhereToPutOne()
        {
            Assert.That(Refused(null).Message, Is.EqualTo($"openai: no key: set OPENAI_API_KEY or put it in {_secrets}"));
            Assert.That(Refused("https://api.groq.com/openai/v1").Message, Does.Contain("no key is configured for that host"), "another host: a key for that host");
        }

        [Test]
        public void DeepgramsWebSocketAndHttpsUrlsAreOneOrigin()
        {
            _environment["DEEPGRAM_API_KEY"] = EnvironmentKey;
            var deepgram = Character("deepgram", "https://api.deepgram.com");
            Assert.That(CloudAccess.ForCharacter("deepgram-prerecorded", CloudService.Deepgram, deepgram, Keyring).Endpoint.Host, Is.EqualTo("api.deepgram.com"));
            _environment["DEEPGRAM_BASE_URL"] = "ws://127.0.0.1:5003";
            Assert.That(CloudAccess.ForCharacter("deepgram", CloudService.Deepgram, Character("deepgram", "http://127.0.0.1:5003"), Keyring).Endpoint.Port, Is.EqualTo(5003));
        }

        [Test]
        public void OptionsWithoutAKeyAreHeldToTheSameRule()
        {
            _environment["OPENAI_API_KEY"] = EnvironmentKey;
            var error = Assert.Throws<ProviderException>(() => CloudAccess.ForOptions("openai", CloudService.OpenAI, "https://api.groq.com/openai/v1", null, Keyring))!;
            Assert.That(error.Message, Does.StartWith("openai: the options point openai at api.groq.com, but no key is configured for that host; give the options a Key"));
            var given = CloudKey.FromValue(GroqKey);
            var access = CloudAccess.ForOptions("openai", CloudService.OpenAI, "https://api.groq.com/openai/v1", given, Keyring);
            Assert.That((access.Endpoint.Host, access.Key), Is.EqualTo(("api.groq.com", given)), "a key given in code goes where that code says");
        }

        [TestCase("{\"keys\": {\"groq\": {\"key\": \"" + GroqKey + "\" \"baseUrl\": 1}}}", "line 1, byte 50: expected well-formed JSON")]
        [TestCase("[\"" + GroqKey + "\"]", "$: expected an object of keys")]
        [TestCase("{\"OPENAI_API_KEY\": 12}", "$.OPENAI_API_KEY: expected a string")]
        [TestCase("{\"OPENAI_API_KEY\": \"" + FileKey + "\", \"OPENAI_BASE_URL\": \"http://proxy.example/v1\"}", "$.OPENAI_BASE_URL: expected a usable base URL: refuses plain http")]
        [TestCase("{\"keys\": {\"groq\": {\"key\": \"" + GroqKey + "\"}}}", "$.keys.groq.baseUrl: expected a value")]
        [TestCase("{\"keys\": {\"groq\": {\"key\": \"" + GroqKey + "\", \"baseURL\": \"https://api.groq.com\"}}}", "$.keys.groq.baseURL: expected no such field")]
        [TestCase("{\"keys\": {\"groq\": {\"key\": \"" + GroqKey + "\", \"baseUrl\": \"api.groq.com\"}}}", "$.keys.groq.baseUrl: expected an absolute URL")]
        [TestCase("{\"keys\": {\"my groq\": {\"key\": \"" + GroqKey + "\", \"baseUrl\": \"https://api.groq.com\"}}}", "$.keys.my groq: expected a key name")]
        [TestCase("{\"keys\": {\"a\": {\"key\": \"" + GroqKey + "\", \"baseUrl\": \"https://x.example\"}, \"A\": {\"key\": \"k\", \"baseUrl\": \"https://x.example\"}}}",
            "$.keys.A: expected a unique key name")]
        public void AMalformedSecretsFileStopsTheProviderNamingThePlaceAndNoKey(string content, string expected)
        {
            File.WriteAllText(_secrets, content);
            var error = Assert.Throws<ProviderException>(() => OpenAI(null, "groq"))!;
            Assert.That(error.Message, Does.StartWith($"openai: {_secrets}: {expected}"));
            Assert.That(error.Message, Does.Not.Contain(GroqKey.Substring(0, 8)).And.Not.Contain(FileKey.Substring(0, 8)));
        }
    }
}
