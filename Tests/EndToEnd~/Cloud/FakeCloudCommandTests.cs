using System;
using System.ClientModel;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using NUnit.Framework;
using OpenAI;
using OpenAI.Chat;
using VoiceNpc.Characters;
using VoiceNpc.Providers.Cloud;
using VoiceNpc.Providers.OpenAI;
using VoiceNpc.Tests.Support;

namespace VoiceNpc.Tests.EndToEnd.Cloud
{
    /// <summary><c>voicenpc fake-cloud</c> as a developer runs it: one "NAME BASE_URL" line per fake, served until Ctrl+C, answering our client and the official SDK.</summary>
    public class FakeCloudCommandTests
    {
        [Test]
        public void TheFakeServesTheOfficialClientUntilInterrupted()
        {
            var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var a in new[] { Path.Combine(AppContext.BaseDirectory, "voicenpc.dll"), "fake-cloud", "--chunk-ms", "5" }) info.ArgumentList.Add(a);
            using var process = Process.Start(info)!;
            _ = process.StandardError.ReadToEndAsync();
            try
            {
                var first = process.StandardOutput.ReadLineAsync();
                Assert.That(first.Wait(TimeSpan.FromSeconds(60)), Is.True, "no line from fake-cloud");
                Assert.That(first.Result, Does.Match(@"^deepgram ws://127\.0\.0\.1:\d+$"));
                var line = process.StandardOutput.ReadLineAsync();
                Assert.That(line.Wait(TimeSpan.FromSeconds(10)), Is.True);
                var parts = line.Result!.Split(' ');
                Assert.That(parts[0], Is.EqualTo("openai"));
                Assert.That(parts[1], Does.Match(@"^http://127\.0\.0\.1:\d+/v1$"));

                var second = process.StandardOutput.ReadLineAsync();
                Assert.That(second.Wait(TimeSpan.FromSeconds(10)), Is.True);
                Assert.That(second.Result, Does.Match(@"^elevenlabs http://127\.0\.0\.1:\d+$"));

                var brain = new OpenAIChatBrain(new OpenAIBrainOptions { BaseUrl = parts[1], Key = CloudKey.FromValue("sk-fake-local-key") });
                var request = new Brain.BrainRequest(CharacterLoader.Load(RepoPaths.BlacksmithCharacter), "what do you sell", new Brain.DialogueTurn[0]);
                Assert.That(string.Concat(brain.StreamReplyAsync(request, CancellationToken.None).ToBlockingList()), Does.Contain("what do you sell"));

                // A developer's own client, not streaming: one chat.completion object.
                var chat = new ChatClient("gpt-4o-mini", new ApiKeyCredential("sk-fake-local-key"), new OpenAIClientOptions { Endpoint = new Uri(parts[1]) });
                ChatCompletion completion = chat.CompleteChat(new UserChatMessage("what do you sell"));
                Assert.That((completion.Content.Single().Text, completion.FinishReason), Is.EqualTo(("Aye, you asked about what do you sell. Let me think on that.", ChatFinishReason.Stop)));
            }
            finally
            {
                Process.Start("kill", new[] { "-INT", process.Id.ToString() })!.WaitForExit();
                if (!process.WaitForExit(20_000)) { process.Kill(true); process.WaitForExit(); }
            }
            Assert.That(process.ExitCode, Is.Zero);
        }
    }
}
