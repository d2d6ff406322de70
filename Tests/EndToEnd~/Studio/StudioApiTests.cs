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
    /// <summary>The studio's API as a misbehaving client would use it: other hosts and origins, framing, links out of the folder, missing fields, bad ids, stale saves.</summary>
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
            _http.DefaultRequestHeaders.Add("Origin", _studio.BaseUrl);   // as the studio's page sends with every change
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
        public async Task AChangeMustComeFromTheStudiosOwnPage()
        {
            string path = Path.Combine(_folder, "brenna.character.json"), before = File.ReadAllText(path);
            using var bare = new HttpClient { BaseAddress = new Uri(_studio.BaseUrl) };
            var loaded = JsonDocument.Parse(await bare.GetStringAsync("/api/characters/brenna.character.json")).RootElement;
            var save = new { text = before.Replace("Mind the sparks", "Mind the anvil"), stamp = loaded.GetProperty("stamp").GetString() };

            var noOrigin = await bare.PutAsJsonAsync("/api/characters/brenna.character.json", save);
            Assert.That(noOrigin.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden), "a PUT without an Origin");
            Assert.That(await noOrigin.Content.ReadAsStringAsync(), Does.Contain("Origin"));
            Assert.That((await bare.PostAsJsonAsync("/api/characters", new { id = "mira" })).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That(File.Exists(Path.Combine(_folder, "mira.character.json")), Is.False);
            var opaque = new HttpRequestMessage(HttpMethod.Post, "/api/validate") { Content = JsonContent.Create(new { text = "{}" }) };
            opaque.Headers.Add("Origin", "null");   // a sandboxed frame or a file:// page
            Assert.That((await bare.SendAsync(opaque)).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
            var otherPort = new HttpRequestMessage(HttpMethod.Post, "/api/validate") { Content = JsonContent.Create(new { text = "{}" }) };
            otherPort.Headers.Add("Origin", "http://127.0.0.1:1");   // another local server's page
            Assert.That((await bare.SendAsync(otherPort)).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That(File.ReadAllText(path), Is.EqualTo(before));

            var sameOrigin = new HttpRequestMessage(HttpMethod.Post, "/api/validate") { Content = JsonContent.Create(new { text = "{}" }) };
            sameOrigin.Headers.Add("Sec-Fetch-Site", "same-origin");
            Assert.That((await bare.SendAsync(sameOrigin)).StatusCode, Is.EqualTo(HttpStatusCode.OK), "a browser's same-origin request");
            Assert.That((await _http.PutAsJsonAsync("/api/characters/brenna.character.json", save)).StatusCode, Is.EqualTo(HttpStatusCode.OK), "with the studio's Origin");
        }

        [Test]
        public async Task NoOtherSiteMayFrameThePageAndNothingIsSniffed()
        {
            using var bare = new HttpClient { BaseAddress = new Uri(_studio.BaseUrl) };
            var refused = new HttpRequestMessage(HttpMethod.Get, "/api/characters");
            refused.Headers.Host = "evil.example";
            foreach (var response in new[] { await bare.GetAsync("/"), await bare.GetAsync("/studio.js"), await bare.GetAsync("/api/characters"), await bare.SendAsync(refused) })
            {
                string what = response.RequestMessage!.RequestUri!.AbsolutePath + " " + (int)response.StatusCode;
                Assert.That(response.Headers.GetValues("X-Frame-Options"), Is.EqualTo(new[] { "DENY" }), what);
                Assert.That(response.Headers.GetValues("X-Content-Type-Options"), Is.EqualTo(new[] { "nosniff" }), what);
                var policy = string.Join(",", response.Headers.GetValues("Content-Security-Policy"));
                Assert.That(policy, Does.Contain("frame-ancestors 'none'").And.Contain("default-src 'self'").And.Contain("script-src 'self'"), what);
            }
        }

        [Test]
        public async Task ALinkOutOfTheFolderIsNeitherListedNorReadNorWritten()
        {
            string outside = Directory.CreateDirectory(_folder + "-outside").FullName;
            try
            {
                string secret = Path.Combine(outside, "secret.character.json");
                File.Copy(RepoPaths.BlacksmithCharacter, secret);
                string original = File.ReadAllText(secret);
                File.CreateSymbolicLink(Path.Combine(_folder, "stolen.character.json"), secret);
                Directory.CreateSymbolicLink(Path.Combine(_folder, "shelf"), outside);
                File.CreateSymbolicLink(Path.Combine(_folder, "through-folder.character.json"), Path.Combine("shelf", "secret.character.json"));
                File.CreateSymbolicLink(Path.Combine(_folder, "upward.character.json"), Path.Combine("shelf", "..", Path.GetFileName(outside), "secret.character.json"));
                File.CreateSymbolicLink(Path.Combine(_folder, "alias.character.json"), "brenna.character.json");   // inside: fine

                var names = JsonDocument.Parse(await _http.GetStringAsync("/api/characters")).RootElement.EnumerateArray().Select(c => c.GetProperty("name").GetString()).ToList();
                Assert.That(names, Is.EqualTo(new[] { "alias.character.json", "brenna.character.json" }));
                Assert.That((await _http.GetAsync("/api/characters/alias.character.json")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
                foreach (var name in new[] { "stolen", "through-folder", "upward" })
                {
                    var read = await _http.GetAsync($"/api/characters/{name}.character.json");
                    Assert.That(read.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden), name);
                    string body = await read.Content.ReadAsStringAsync();
                    Assert.That(body, Does.Contain("outside the studio's folder").And.Not.Contain("blacksmith"), name);
                    var write = await _http.PutAsJsonAsync($"/api/characters/{name}.character.json", new { text = original.Replace("Brenna", "Mallory"), stamp = "x" });
                    Assert.That(write.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden), name);
                }
                Assert.That((await _http.PostAsJsonAsync("/api/characters", new { id = "stolen" })).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
                Assert.That(File.ReadAllText(secret), Is.EqualTo(original));
                Assert.That(Directory.GetFiles(outside), Is.EqualTo(new[] { secret }));
            }
            finally { Directory.Delete(outside, recursive: true); }
        }

        [TestCase("", "the request needs")]
        [TestCase("..", "letters")]
        [TestCase("../mira", "letters")]
        [TestCase("mira.v2", "letters")]
        [TestCase("名前", "letters")]
        [TestCase("con", "device name")]
        [TestCase("LPT1", "device name")]
        public async Task AnIdThatCannotNameAFileEverywhereIsRefusedWithTheReason(string id, string reason)
        {
            var created = await _http.PostAsJsonAsync("/api/characters", new { id });
            Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(await created.Content.ReadAsStringAsync(), Does.Contain(reason));
            Assert.That(Directory.GetFiles(_folder).Select(Path.GetFileName), Is.EqualTo(new[] { "brenna.character.json" }));
        }

        [Test]
        public async Task AHugeIdIsRefusedWithItsLengthNotAServerError()
        {
            string id = new string('a', 300);
            var created = await _http.PostAsJsonAsync("/api/characters", new { id });
            Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(await created.Content.ReadAsStringAsync(), Does.Contain("300 characters").And.Contain("at most 64"));
            Assert.That((await _http.GetAsync($"/api/characters/{id}.character.json")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That((await _http.PutAsJsonAsync($"/api/characters/{id}.character.json", new { text = "{}", stamp = "x" })).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That((await _http.PostAsJsonAsync("/api/characters", new { id = new string('b', 64) })).StatusCode, Is.EqualTo(HttpStatusCode.Created), "the longest id");
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
