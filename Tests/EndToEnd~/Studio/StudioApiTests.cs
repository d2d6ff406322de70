using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Json;
using System.Text.Json;
using System.Threading.Tasks;
using NUnit.Framework;
using VoiceNpc.Providers;
using VoiceNpc.Studio;
using VoiceNpc.Tests.Support;

namespace VoiceNpc.Tests.EndToEnd.Studio
{
    /// <summary>The studio's API as a misbehaving client would use it: other hosts, missing fields, stale saves.</summary>
    public class StudioApiTests
    {
        private string _folder = "";
        private StudioServer _studio = null!;
        private HttpClient _http = null!;

        [SetUp]
        public async Task Start()
        {
            _folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "voicenpc-studio-api-" + Guid.NewGuid().ToString("N"))).FullName;
            File.Copy(RepoPaths.BlacksmithCharacter, Path.Combine(_folder, "brenna.character.json"));
            _studio = await StudioServer.StartAsync(new StudioOptions(_folder, Path.Combine(_folder, "cache"), () => EmbeddedProviders.CreateCatalog()));
            _http = new HttpClient { BaseAddress = new Uri(_studio.BaseUrl) };
        }

        [TearDown]
        public async Task Stop()
        {
            _http.Dispose();
            await _studio.DisposeAsync();
            Directory.Delete(_folder, recursive: true);
        }

        [Test]
        public async Task OnlyPagesItServedMayUseIt()
        {
            var rebound = new HttpRequestMessage(HttpMethod.Get, "/api/characters");
            rebound.Headers.Host = "evil.example";
            Assert.That((await _http.SendAsync(rebound)).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden), "a DNS-rebinding page");
            var crossSite = new HttpRequestMessage(HttpMethod.Post, "/api/validate") { Content = JsonContent.Create(new { text = "{}" }) };
            crossSite.Headers.Add("Origin", "https://evil.example");
            Assert.That((await _http.SendAsync(crossSite)).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden), "a cross-site request");
            Assert.That((await _http.GetAsync("/api/characters")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }

        [Test]
        public async Task ASaveNeedsTheStampItWasLoadedWithAndAStaleOneIsRefused()
        {
            var loaded = JsonDocument.Parse(await _http.GetStringAsync("/api/characters/brenna.character.json")).RootElement;
            string text = loaded.GetProperty("text").GetString()!, stamp = loaded.GetProperty("stamp").GetString()!;
            var noStamp = await _http.PutAsJsonAsync("/api/characters/brenna.character.json", new { text });
            Assert.That(noStamp.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(await noStamp.Content.ReadAsStringAsync(), Does.Contain("stamp"));
            var saved = await _http.PutAsJsonAsync("/api/characters/brenna.character.json", new { text = text.Replace("Mind the sparks", "Mind the anvil"), stamp });
            Assert.That(saved.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            var stale = await _http.PutAsJsonAsync("/api/characters/brenna.character.json", new { text, stamp });
            Assert.That(stale.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
            Assert.That(File.ReadAllText(Path.Combine(_folder, "brenna.character.json")), Does.Contain("Mind the anvil"));
        }

        [Test]
        public async Task MissingFieldsAreNamedAndPathsOutsideTheFolderDoNotExist()
        {
            var created = await _http.PostAsJsonAsync("/api/characters", new { id = "mira" });
            Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Created));
            Assert.That(File.Exists(Path.Combine(_folder, "mira.character.json")), Is.True);
            var turn = await _http.PostAsJsonAsync("/api/turn", new { session = "s" });
            Assert.That(turn.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(await turn.Content.ReadAsStringAsync(), Does.Contain("\\\"text\\\""));
            Assert.That((await _http.GetAsync("/api/characters/..%2Fbrenna.character.json")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        }

        [Test]
        public async Task AFileWithAByteOrderMarkOpensValid()
        {
            string path = Path.Combine(_folder, "brenna.character.json");
            File.WriteAllBytes(path, new byte[] { 0xEF, 0xBB, 0xBF }.Concat(File.ReadAllBytes(path)).ToArray());
            var loaded = JsonDocument.Parse(await _http.GetStringAsync("/api/characters/brenna.character.json")).RootElement;
            Assert.That(loaded.GetProperty("issues").GetArrayLength(), Is.Zero);
        }
    }
}
