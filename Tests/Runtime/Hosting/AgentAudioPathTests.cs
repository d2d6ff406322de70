using System;
using System.Collections.Generic;
using System.Threading;
using NUnit.Framework;
using VoiceNpc.Audio;
using VoiceNpc.Characters;
using VoiceNpc.Conversation;
using VoiceNpc.Hosting;
using VoiceNpc.Providers;
using VoiceNpc.Tests.Support;

namespace VoiceNpc.Tests.Hosting
{
    /// <summary>
    /// The Unity agent's audio path without Unity, wired as VoiceNpcAgent wires it: a ConversationHost over a
    /// SplitAudioDevice of a microphone (here SilentCapture, the agent's "no microphone" choice) and a CallbackPlayback
    /// that an audio thread pulls in 1024-frame blocks at 48 kHz stereo over a flat-line clip of 1.0 (Multiply), in
    /// real time, on the offline providers.
    /// </summary>
    public class AgentAudioPathTests
    {
        private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(90);

        [Test]
        public void ASaidLineIsRenderedByTheCallbackAndItsWordsComeAsTheCallbackPlaysThem()
        {
            var playback = new CallbackPlayback(new CallbackPlaybackOptions { Mix = PlaybackMix.Multiply });
            var device = new SplitAudioDevice(new SilentCapture(), playback);
            using var host = new ConversationHost(new ConversationHostSettings
            {
                Character = CharacterLoader.Load(RepoPaths.BlacksmithCharacter),
                Catalog = EmbeddedProviders.CreateCatalog(),
                OpenDevice = () => device,
                PlayerId = "agent-audio-path",
            });
            using var callback = new AudioCallbackThread(playback, 1024, 2, 48000, blocks: 48000 * 20 / 1024)
            {
                Period = TimeSpan.FromTicks(TimeSpan.TicksPerSecond * 1024 / 48000),
            };
            var words = new List<string>();
            var playedAtWord = new List<long>();
            NpcLineStarted? started = null;
            NpcLineEnded? ended = null;
            long playedAtStart = -1;
            host.EventRaised += e =>
            {
                if (e is SubtitleWord w) { words.Add(w.Word); playedAtWord.Add(playback.PlayedSamples); }
                if (e is NpcLineStarted s) { started = s; playedAtStart = playback.PlayedSamples; }
                if (e is NpcLineEnded x) ended = x;
            };
            using var deadline = new CancellationTokenSource(Deadline);

            host.Start();
            PumpUntil(host, () => host.State == HostState.Running || host.State == HostState.Failed, deadline.Token);
            Assert.That(host.State, Is.EqualTo(HostState.Running), host.FailureReason);
            callback.Start();
            host.Say("Well met, traveller.");
            PumpUntil(host, () => ended != null, deadline.Token);

            Assert.That(ended!.Interrupted, Is.False);
            Assert.That(string.Join(" ", words), Is.EqualTo("well met traveller"), "Flite's words, in order");
            Assert.That(started!.PlaybackSample, Is.LessThanOrEqualTo(playedAtStart), "a line starts when the callback has played up to it");
            Assert.That(Signal.Rms(callback.Output), Is.GreaterThan(0.001), "the voice came out of the callback");
            Assert.That(callback.AllocatedBytes, Is.Zero, $"over {callback.MeasuredCalls} callbacks");
            Assert.That(host.Stop(TimeSpan.FromSeconds(5)), Is.True);
        }

        private static void PumpUntil(ConversationHost host, Func<bool> done, CancellationToken deadline)
        {
            host.Pump();
            while (!done())
            {
                try { host.WaitForEventsAsync(deadline).GetAwaiter().GetResult(); }
                catch (OperationCanceledException) { Assert.Fail($"not within {Deadline.TotalSeconds} s (host {host.State})"); }
                host.Pump();
            }
        }
    }
}
