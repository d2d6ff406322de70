using System;
using System.IO;
using System.Linq;
using NUnit.Framework;
using VoiceNpc.Audio;
using VoiceNpc.Conversation;
using VoiceNpc.Hosting;
using VoiceNpc.Memory;
using VoiceNpc.Tests.Memory;
using VoiceNpc.Tests.Support;

namespace VoiceNpc.Tests.Hosting
{
    /// <summary>The host's memory saves and loads, and what pausing the application does.</summary>
    public class ConversationHostMemoryAndPauseTests
    {
        private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(10);

        [Test]
        public void MemoryIsSavedAfterEachTurnAndASecondHostRemembers()
        {
            using var files = new MemoryFiles();
            var harness = new HostHarness("what do you sell");
            var store = new MemoryStore(files.Folder);
            using (var first = harness.Host(harness.Settings(files.Folder)))
            {
                first.Start();
                harness.PumpUntil(first, () => harness.Of<TurnCompleted>().Any());
                first.SavesIdle.Wait(StopTimeout);
                var saved = store.Load(harness.Character.Id, "aerin");
                Assert.That(saved.Source, Is.EqualTo(MemorySource.File), "saved after the turn, before any stop");
                Assert.That(saved.Memory.Turns.Single().PlayerText, Is.EqualTo("what do you sell"));
                Assert.That(first.Stop(StopTimeout), Is.True);
            }

            var again = new HostHarness("goodbye");
            using var second = again.Host(again.Settings(files.Folder));
            second.Start();
            again.PumpUntil(second, () => again.Of<TurnCompleted>().Any());
            var history = again.Brains.Single().Requests.Single().History;
            Assert.That(history.Single().PlayerText, Is.EqualTo("what do you sell"), "the second host's NPC remembers the first conversation");
            Assert.That(second.Stop(StopTimeout), Is.True);
            var both = store.Load(harness.Character.Id, "aerin").Memory.Turns.Select(t => t.PlayerText);
            Assert.That(both, Is.EqualTo(new[] { "what do you sell", "goodbye" }));
        }

        [Test]
        public void AFailedSaveIsAnErrorAndTheMemoryStaysInRam()
        {
            using var files = new MemoryFiles();
            var harness = new HostHarness("what do you sell");
            string save = new MemoryStore(files.Folder).PathOf(harness.Character.Id, "aerin");
            File.WriteAllText(Path.GetDirectoryName(save)!, "a file where the character's folder should be");
            using var host = harness.Host(harness.Settings(files.Folder));
            host.Start();
            harness.PumpUntil(host, () => harness.Of<TurnCompleted>().Any());
            var memory = host.Conversation!.Memory;
            Assert.That(host.SavesIdle.Wait(StopTimeout), Is.True);   // the save runs in real time on a worker
            host.Pump();

            var error = harness.Of<ConversationError>().Single(e => e.Stage == "memory");
            Assert.That(error.Message,
                Does.StartWith("the memory of player \"aerin\" was not saved (it is kept and saved again after the next turn)"));
            Assert.That(memory.Turns.Single().PlayerText, Is.EqualTo("what do you sell"));
            Assert.That(host.State, Is.EqualTo(HostState.Running), "a failed save does not stop the conversation");
            Assert.That(host.Stop(StopTimeout), Is.True);
        }

        [Test]
        public void PausingInterruptsTheNpcAndHearsNothingUntilResumed()
        {
            var harness = new HostHarness("what do you sell", "goodbye");
            // Turn one; the second clip comes while paused (unheard); the third after resuming is the second turn.
            harness.Script = () => new PlayerScript(Enumerable.Range(0, 3).Select(_ => ConversationHarness.Speech(1.0)).ToArray());
            using var host = harness.Host(harness.Settings());
            bool paused = false, resumed = false;
            harness.OnEachFrame = device =>
            {
                if (!paused && device.PlayedSamples >= AudioFormat.SamplesIn(TimeSpan.FromSeconds(0.6))) { paused = true; host.Pause(true); }
                if (paused && !resumed && harness.Clock.Now >= TimeSpan.FromSeconds(6)) { resumed = true; host.Pause(false); }
            };
            host.MicrophoneMuted = false;
            host.Start();
            harness.PumpUntil(host, () => harness.Of<TurnCompleted>().Count() == 2);

            var ended = harness.Of<NpcLineEnded>().First();
            Assert.That((ended.Interrupted, ended.HeardText), Is.EqualTo((true, "Swords, axes and")));
            var finals = harness.Of<TranscriptReceived>().Where(t => t.IsFinal).Select(t => t.Text);
            Assert.That(finals, Is.EqualTo(new[] { "what do you sell", "goodbye" }), "the clip spoken while paused never became a turn");
            Assert.That(harness.Of<TranscriptReceived>().Last().At, Is.GreaterThan(TimeSpan.FromSeconds(6)));
            Assert.That((host.IsPaused, host.Conversation!.MicrophoneMuted), Is.EqualTo((false, false)));

            host.MicrophoneMuted = true;
            host.Pause(true);
            host.Pause(false);
            Assert.That(host.Conversation.MicrophoneMuted, Is.True, "resuming keeps the game's own mute");
            Assert.That(host.Stop(StopTimeout), Is.True);
        }
    }
}
