using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json.Nodes;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Playwright;
using NUnit.Framework;
using VoiceNpc.Audio;
using VoiceNpc.Characters;
using VoiceNpc.FakeCloud;
using VoiceNpc.Providers;
using VoiceNpc.Providers.Cloud;
using VoiceNpc.Providers.OpenAI;
using VoiceNpc.Studio;
using VoiceNpc.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace VoiceNpc.Tests.EndToEnd.Studio
{
    /// <summary>
    /// The studio in a real browser (Debian's Chromium, headless, through Playwright): load, edit, see a validation
    /// error, fix it, save, reload from disk, preview a voice, chat by text and by microphone, rehearse an outage.
    /// Screenshots of the main screens are attached to the test results.
    /// </summary>
    [NonParallelizable]
    public class StudioBrowserTests
    {
        private const string Chromium = "/usr/bin/chromium";
        private string _folder = "";
        private string _file = "";
        private FakeOpenAI _openai = null!;
        private StudioServer _studio = null!;
        private IPlaywright _playwright = null!;
        private IBrowser _browser = null!;
        private readonly List<string> _pageErrors = new List<string>();

        [SetUp]
        public async Task Start()
        {
            if (!File.Exists(Chromium)) Assert.Ignore($"{Chromium} is missing: ./build.sh installs Debian's chromium for the browser tests");
            _folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "voicenpc-studio-" + Guid.NewGuid().ToString("N"))).FullName;
            _file = Path.Combine(_folder, "brenna.character.json");
            // Brenna thinking with OpenAI (the loopback fake) and the scripted brain behind it.
            var json = JsonNode.Parse(File.ReadAllText(RepoPaths.BlacksmithCharacter))!.AsObject();
            json["voices"]!["openai"] = new JsonObject { ["voice"] = "alloy" };
            json["fallbacks"]!["llm"] = new JsonArray("openai", "scripted");
            File.WriteAllText(_file, json.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }));
            _openai = await FakeOpenAI.StartAsync();
            var key = CloudKey.FromValue(_openai.Key);
            var baseUrl = _openai.BaseUrl;
            _studio = await StudioServer.StartAsync(new StudioOptions(_folder, Path.Combine(_folder, "cache"), () => EmbeddedProviders.CreateCatalog()
                .AddLlm("openai", () => new OpenAIChatBrain(new OpenAIBrainOptions { BaseUrl = baseUrl, Key = key }))
                .AddTts("openai", () => new OpenAISpeech(new OpenAIAudioOptions { BaseUrl = baseUrl, Key = key }))));
            // The microphone: the sample's "what do you sell" after 4 s of silence, played once. The fake device starts
            // the file when the page opens the microphone, a moment before the page records, so the silence is the margin.
            string microphone = Path.Combine(_folder, "microphone.wav");
            var line = WavFile.ReadAsPipelineAudio(RepoPaths.PlayerLine("02-what-do-you-sell.wav"));
            WavFile.Write(microphone, new short[4 * AudioFormat.SampleRate].Concat(line).Concat(new short[AudioFormat.SampleRate]).ToArray());
            _playwright = await Playwright.CreateAsync();
            _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = Chromium,
                Headless = true,
                Args = new[] { "--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream", $"--use-file-for-fake-audio-capture={microphone}%noloop" },
            });
        }

        [TearDown]
        public async Task Stop()
        {
            if (TestContext.CurrentContext.Result.Outcome.Status == NUnit.Framework.Interfaces.TestStatus.Passed)
                Assert.That(_pageErrors, Is.Empty, "the page logged errors");
            if (_browser != null) await _browser.DisposeAsync();
            _playwright?.Dispose();
            if (_studio != null) await _studio.DisposeAsync();
            if (_openai != null) await _openai.DisposeAsync();
            if (_folder.Length > 0) Directory.Delete(_folder, recursive: true);
        }

        private async Task Screenshot(IPage page, string name)
        {
            string path = Path.Combine(TestContext.CurrentContext.WorkDirectory, "studio-screenshots", name + ".png");
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
            TestContext.AddTestAttachment(path, name);
        }

        private async Task<IPage> OpenBrennaAsync(bool expectForm = true)
        {
            var page = await _browser.NewPageAsync();
            // Refused requests (a save of invalid content answers 422) are the API working; script errors are not.
            page.Console += (_, message) => { if (message.Type == "error" && !message.Text.StartsWith("Failed to load resource")) _pageErrors.Add(message.Text); };
            page.PageError += (_, error) => _pageErrors.Add(error);
            await page.GotoAsync(_studio.BaseUrl);
            await page.Locator("#characters li").First.ClickAsync();
            if (expectForm) await Expect(page.Locator("#f--displayName")).ToHaveValueAsync("Brenna the Blacksmith");
            return page;
        }

        /// <summary>Clicks Save and waits for the studio's answer (the status line may already say "Saved" from before).</summary>
        private static Task<IResponse> SaveAsync(IPage page) =>
            page.RunAndWaitForResponseAsync(() => page.Locator("#save").ClickAsync(), r => r.Request.Method == "PUT" && r.Url.Contains("/api/characters/"));

        [Test]
        public async Task EditSeeAnErrorFixItSaveAndReloadFromDisk()
        {
            var page = await OpenBrennaAsync();
            await Expect(page.Locator("#validity")).ToHaveTextAsync("valid");
            await page.Locator("#f--displayName").FillAsync("Brenna of Oakford");
            var budget = page.Locator("#f--turnTaking-thinkingBudgetSeconds");
            await budget.FillAsync("0.05");
            await Expect(page.Locator("#validity")).ToHaveTextAsync("1 error");
            await Expect(page.Locator("#issues")).ToContainTextAsync("$.turnTaking.thinkingBudgetSeconds: expected a number from 0.1 to 30");
            await Expect(page.Locator(".field.invalid[data-path='$.turnTaking.thinkingBudgetSeconds']")).ToBeVisibleAsync();
            await Screenshot(page, "edit-with-an-error");

            await SaveAsync(page);
            await Expect(page.Locator("#status")).ToContainTextAsync("Not saved");
            Assert.That(File.ReadAllText(_file), Does.Contain("Brenna the Blacksmith"), "an invalid character is not written");

            await budget.FillAsync("1");
            await Expect(page.Locator("#validity")).ToHaveTextAsync("valid");
            await SaveAsync(page);
            await Expect(page.Locator("#status")).ToHaveTextAsync("Saved brenna.character.json");
            var saved = CharacterLoader.Load(_file);
            Assert.That((saved.DisplayName, saved.TurnTaking.ThinkingBudgetSeconds), Is.EqualTo(("Brenna of Oakford", 1.0)));
            Assert.That(File.Exists(_file + ".bak"), Is.True);

            // A section the file does not have yet, typed key by key as a designer types.
            await page.GetByRole(AriaRole.Button, new() { Name = "Add memory" }).ClickAsync();
            await page.Locator("#f--memory-maxTurns").PressSequentiallyAsync("50");
            await page.Locator("#f--prompt-speakingStyle").PressSequentiallyAsync("; terse");
            await Expect(page.Locator("#validity")).ToHaveTextAsync("valid");
            await SaveAsync(page);
            await Expect(page.Locator("#status")).ToHaveTextAsync("Saved brenna.character.json");
            var typed = CharacterLoader.Load(_file);
            Assert.That(typed.Memory.MaxTurns, Is.EqualTo(50));
            Assert.That(typed.Prompt.SpeakingStyle, Does.EndWith("a dry joke now and then; terse"));

            await page.ReloadAsync();
            await page.GetByText("Brenna of Oakford").ClickAsync();
            await Expect(page.Locator("#f--displayName")).ToHaveValueAsync("Brenna of Oakford");
            await Expect(page.Locator("#f--turnTaking-thinkingBudgetSeconds")).ToHaveValueAsync("1");
            await Screenshot(page, "edit");
        }

        [Test]
        public async Task AFileWithCommentsIsEditedAsTextAndTheFormNeverOverwritesIt()
        {
            string original = File.ReadAllText(_file);
            File.WriteAllText(_file, original.Replace("\"id\":", "// Brenna runs the forge\n  \"id\":"));
            var page = await OpenBrennaAsync(expectForm: false);
            await Expect(page.Locator("#form-off")).ToBeVisibleAsync();
            await Expect(page.Locator("#validity")).ToHaveTextAsync("valid");   // the game's loader accepts comments
            await page.Locator("#raw").FillAsync(original);   // plain JSON again: the form comes back
            await Expect(page.Locator("#f--displayName")).ToHaveValueAsync("Brenna the Blacksmith");
        }

        [Test]
        public async Task PromptPreviewAndVoicePreviewPlayInTheBrowser()
        {
            var page = await OpenBrennaAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Prompt", Exact = true }).ClickAsync();
            await Expect(page.Locator("#prompt-text")).ToContainTextAsync("You are Brenna, the blacksmith of Oakford");
            await Expect(page.Locator("#prompt-tokens")).ToContainTextAsync("tokens (o200k_base)");
            await Screenshot(page, "prompt");

            await page.GetByRole(AriaRole.Button, new() { Name = "Voice", Exact = true }).ClickAsync();
            await page.Locator("#voice-line").FillAsync("Mind the sparks, traveller.");
            await page.Locator("#voice-play").ClickAsync();
            await page.WaitForFunctionAsync("() => { const a = document.getElementById('voice-audio'); return a.readyState >= 2 && a.duration > 0.5; }");
            Assert.That(await page.Locator("#voice-error").TextContentAsync(), Is.Empty);
        }

        [Test]
        public async Task ChatByTextAndByMicrophoneShowsTheReplyAndItsWaterfall()
        {
            var page = await OpenBrennaAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Chat", Exact = true }).ClickAsync();
            await page.Locator("#chat-say").FillAsync("how much is a shield");
            await page.Locator("#chat-say").PressAsync("Enter");
            var first = page.Locator("#chat-log .turn").Nth(0);
            await Expect(first.Locator(".you")).ToHaveTextAsync("You: how much is a shield", new() { Timeout = 60_000 });
            await Expect(first.Locator(".npc")).ToContainTextAsync("how much is a shield");   // the fake LLM echoes the player
            await Expect(first.Locator(".hint")).ToContainTextAsync("llm openai");
            await Expect(first.Locator(".waterfall .bar")).ToHaveCountAsync(5);
            await page.WaitForFunctionAsync("() => { const a = document.querySelector('#chat-log .turn audio'); return a && a.readyState >= 2 && a.duration > 0.5; }");
            await Screenshot(page, "chat");

            await page.Locator("#mic").ClickAsync();
            await page.WaitForFunctionAsync("() => parseFloat(document.getElementById('mic-seconds').textContent) >= 6.0", null, new() { Timeout = 30_000 });
            await page.Locator("#mic").ClickAsync();
            await Expect(page.Locator("#chat-log .turn").Nth(1).Locator(".you")).ToHaveTextAsync("You: what do you sell", new() { Timeout = 60_000 });
        }

        [Test]
        public async Task AnOutageRehearsalShowsWhoAnsweredEachTurn()
        {
            var page = await OpenBrennaAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Outage rehearsal" }).ClickAsync();
            await page.Locator("#rehearse-lines").FillAsync("what do you sell");
            await page.Locator("#add-fault").ClickAsync();
            await page.GetByLabel("Failing provider").SelectOptionAsync("openai");
            await page.GetByLabel("How it fails").SelectOptionAsync("outage");
            await page.Locator("#rehearse").ClickAsync();
            var row = page.Locator("#rehearse-result tr").Nth(1);
            await Expect(row).ToContainTextAsync("scripted", new() { Timeout = 60_000 });
            await Expect(row).ToContainTextAsync("llm: openai → scripted");
            await Expect(row).ToContainTextAsync("Swords, axes and shields");
            await Screenshot(page, "outage-rehearsal");
        }
    }
}
