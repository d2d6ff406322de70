using System;
using System.Linq;
using NUnit.Framework;
using VoiceNpc.Audio.Native;
using VoiceNpc.Characters;
using VoiceNpc.Conversation;
using VoiceNpc.Hosting;

namespace VoiceNpc.Tests.Hosting
{
    /// <summary><see cref="ConversationHost"/>: start, stop, failures, and where its events are raised.</summary>
    public class ConversationHostLifeCycleTests
    {
        private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(10);

        [Test]
        public void StartsTalksStopsAndStartsAgainAsEnteringPlayModeTwice()
        {
            var harness = new HostHarness("what do you sell");
            using var host = harness.Host(harness.Settings());
            for (int round = 1; round <= 2; round++)
            {
                harness.Events.Clear();
                harness.States.Clear();
                host.Start();
                harness.PumpUntil(host, () => harness.Of<TurnCompleted>().Any());
                Assert.That(host.State, Is.EqualTo(HostState.Running));
                Assert.That(host.Conversation, Is.Not.Null);
                Assert.That(harness.Of<TurnCompleted>().Single().Metrics.NpcText, Does.StartWith("Swords, axes and shields"), $"round {round}");

                Assert.That(host.Stop(StopTimeout), Is.True);
                Assert.That((host.State, host.Conversation), Is.EqualTo((HostState.Stopped, (VoiceConversation?)null)));
                Assert.That(harness.Devices[round - 1].DisposeCount, Is.EqualTo(1), "the device is released at stop");
                Assert.That(host.Stop(StopTimeout), Is.True, "stopping again is harmless");
                host.Pump();
                Assert.That(harness.States, Is.EqualTo(new[] { HostState.Starting, HostState.Running, HostState.Stopping, HostState.Stopped }));
            }
            Assert.That(harness.Devices, Has.Count.EqualTo(2));
            Assert.That(harness.WrongThread, Is.Zero);
        }

        [Test]
        public void NothingIsRaisedOutsidePumpAndEverythingOnItsThread()
        {
            var harness = new HostHarness("what do you sell");
            using var host = harness.Host(harness.Settings());
            host.Start();
            host.WaitForEventsAsync(default).GetAwaiter().GetResult();
            Assert.That(harness.States, Is.Empty, "waiting raises nothing: only Pump does");
            harness.PumpUntil(host, () => harness.Of<TurnCompleted>().Any());
            host.Stop(StopTimeout);
            host.Pump();
            Assert.That(harness.Of<NpcLineStarted>().Count() + harness.Of<SubtitleWord>().Count(), Is.GreaterThan(1));
            Assert.That(harness.WrongThread, Is.Zero);
        }

        [Test]
        public void StopDuringStartCancelsItAndReleasesTheDeviceAndProviders()
        {
            var harness = new HostHarness();
            var stt = new HangingSpeechToText();
            harness.Catalog.AddStt("scripted-stt", () => stt);
            using var host = harness.Host(harness.Settings());
            host.Start();
            Assert.That(stt.Entered.Task.Wait(StopTimeout), Is.True);

            Assert.That(host.Stop(StopTimeout), Is.True);
            host.Pump();
            Assert.That(host.State, Is.EqualTo(HostState.Stopped));
            Assert.That(harness.States, Is.EqualTo(new[] { HostState.Starting, HostState.Stopping, HostState.Stopped }));
            Assert.That((harness.Devices.Single().DisposeCount, stt.Disposed), Is.EqualTo((1, true)));
            Assert.That(host.FailureReason, Is.Null, "a cancelled start is not a failure");
            Assert.That(harness.Of<ConversationError>(), Is.Empty);
        }

        [Test]
        public void StopWhileTheFillersAreSpokenStopsThePumpThatAlreadyRan()
        {
            var harness = new HostHarness();
            var tts = new HangingTextToSpeech();
            harness.Catalog.AddTts("tone-tts", () => tts);
            using var host = harness.Host(harness.Settings());
            host.Start();
            Assert.That(tts.Entered.Task.Wait(StopTimeout), Is.True);

            Assert.That(host.Stop(StopTimeout), Is.True);
            // The providers are disposed only once the pump and the workers have ended.
            Assert.That((tts.Disposed, harness.Devices.Single().DisposeCount), Is.EqualTo((true, 1)));
        }

        [Test]
        public void ADeviceThatCannotOpenFailsTheStartWithTheReasonAndAStartLaterWorks()
        {
            var harness = new HostHarness("what do you sell");
            int opened = 0;
            var settings = harness.Settings();
            var open = settings.OpenDevice!;
            settings.OpenDevice = () => ++opened == 1 ? throw new AudioDeviceException("no microphone named \"USB Mic\"") : open();
            using var host = harness.Host(settings);
            host.Start();
            harness.PumpUntil(host, () => host.State == HostState.Failed && harness.States.Contains(HostState.Failed));

            Assert.That(host.FailureReason, Is.EqualTo("could not open the audio device: no microphone named \"USB Mic\""));
            var error = harness.Of<ConversationError>().Single();
            Assert.That((error.Stage, error.Message), Is.EqualTo(("host", host.FailureReason)));
            Assert.That(error.Exception, Is.TypeOf<AudioDeviceException>());
            Assert.That(() => host.SendText("hello"),
                Throws.InvalidOperationException.With.Message.Contains("Failed").And.Message.Contains("USB Mic"));

            host.Start();   // a failed host starts again without a stop
            harness.PumpUntil(host, () => harness.Of<TurnCompleted>().Any());
            Assert.That(host.FailureReason, Is.Null);
            Assert.That(host.Stop(StopTimeout), Is.True);
        }

        [Test]
        public void ACharacterWhoseProvidersCannotStartFailsAndTheOpenedDeviceIsReleased()
        {
            var harness = new HostHarness();
            var settings = harness.Settings();
            settings.Character = harness.Character with { Fallbacks = harness.Character.Fallbacks with { Tts = new[] { "flite" } } };
            using var host = harness.Host(settings);
            host.Start();
            harness.PumpUntil(host, () => harness.States.Contains(HostState.Failed));

            Assert.That(host.FailureReason, Does.StartWith("could not resolve the character's providers: no tts provider"));
            Assert.That(host.FailureReason, Does.Contain("flite: no provider named \"flite\" is registered"));
            Assert.That(harness.Devices.Single().DisposeCount, Is.EqualTo(1));
            Assert.That(host.Stop(StopTimeout), Is.True);
            Assert.That(host.State, Is.EqualTo(HostState.Stopped));
        }

        [Test]
        public void ControlsBeforeRunningAreRefusedNamingTheState()
        {
            var harness = new HostHarness();
            using var host = harness.Host(harness.Settings());
            Assert.That(() => host.Say("Welcome."),
                Throws.InvalidOperationException.With.Message.EqualTo("the conversation host is Stopped: Say needs it Running"));
            Assert.That(() => host.Interrupt(), Throws.InvalidOperationException.With.Message.Contains("Stopped"));
            host.MicrophoneMuted = true;   // kept, and applied once running
            host.Start();
            Assert.That(() => host.Start(), Throws.InvalidOperationException.With.Message.Contains("Start needs it Stopped or Failed"));
            harness.PumpUntil(host, () => host.State == HostState.Running);
            Assert.That(host.Conversation!.MicrophoneMuted, Is.True);
            Assert.That(() => new ConversationHost(new ConversationHostSettings { Character = harness.Character }),
                Throws.ArgumentException.With.Message.Contains("ConversationHostSettings.Catalog is not set"));
        }
    }
}
