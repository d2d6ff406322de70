using System;
using System.Linq;
using NUnit.Framework;
using VoiceNpc.Audio;
using VoiceNpc.Conversation;
using VoiceNpc.Tests.Support;

namespace VoiceNpc.Tests.Conversation
{
    /// <summary>
    /// <see cref="VoiceConversation.Interrupt"/>, <see cref="VoiceConversation.MicrophoneMuted"/> and <see cref="VoiceConversation.EndTurn"/>.
    /// </summary>
    public class InterruptMuteAndPushToTalkTests
    {
        private static long Samples(double seconds) => AudioFormat.SamplesIn(TimeSpan.FromSeconds(seconds));

        [Test]
        public void InterruptStopsTheNpcMidLineAndTheConversationListensAgain()
        {
            var harness = new ConversationHarness("what do you sell", "goodbye");
            harness.When(h => h.Device!.PlayedSamples >= Samples(0.6), c => c.Interrupt());
            harness.Run(new PlayerScript(new[] { ConversationHarness.Speech(1.0), ConversationHarness.Speech(0.8) }), expectedTurns: 2);

            var ended = harness.Of<NpcLineEnded>().First();
            Assert.That((ended.Interrupted, ended.HeardText), Is.EqualTo((true, "Swords, axes and")));
            var first = harness.Of<TurnCompleted>().First().Metrics;
            Assert.That(first.Interrupted, Is.True);
            var turns = harness.Memory!.Turns;
            Assert.That((turns[0].PlayerText, turns[0].NpcText, turns[0].Interrupted), Is.EqualTo(("what do you sell", "Swords, axes and", true)));
            // Playback stopped within a frame of the request: what the speakers got ends near 0.6 s of the line.
            int secondStart = (int)harness.Of<NpcLineStarted>().Last().PlaybackSample;
            Assert.That(secondStart, Is.InRange(Samples(0.6), Samples(0.66)));
            var afterInterrupt = harness.Of<StateChanged>().First(s => s.At >= ended.At);
            Assert.That((afterInterrupt.From, afterInterrupt.To), Is.EqualTo((TurnState.NpcSpeaking, TurnState.Listening)));
            Assert.That(turns[1].NpcText, Is.EqualTo("Safe roads, traveller."), "the player's next words were heard and answered");
        }

        [Test]
        public void InterruptWhileThinkingCancelsTheBrainAndNoFillerPlays()
        {
            var harness = new ConversationHarness("what do you sell");
            harness.Brain.FirstTokenLatency = TimeSpan.FromSeconds(3);
            harness.When(h => h.State == TurnState.Thinking, c => c.Interrupt());
            harness.Run(new PlayerScript(new[] { ConversationHarness.Speech(1.0) }), expectedTurns: 1);

            var metrics = harness.Of<TurnCompleted>().Single().Metrics;
            Assert.That((metrics.Interrupted, metrics.NpcText, metrics.FirstToken), Is.EqualTo((true, "", (TimeSpan?)null)));
            Assert.That(harness.Of<NpcLineStarted>(), Is.Empty);
            Assert.That(harness.Of<NpcLineEnded>(), Is.Empty, "no line had started, so none ended");
            Assert.That(harness.Of<FillerStarted>(), Is.Empty);
            Assert.That(harness.Tts.Spoken, Has.Count.EqualTo(2), "only the two fillers made at start-up were ever spoken");
            Assert.That(harness.Of<StateChanged>().Last().To, Is.EqualTo(TurnState.Listening));
            var remembered = harness.Memory!.Turns.Single();
            Assert.That((remembered.PlayerText, remembered.NpcText, remembered.Interrupted), Is.EqualTo(("what do you sell", "", true)),
                "the player's words, and nothing of an answer never heard");
        }

        [Test]
        public void MutingMidUtteranceEndsItAsTheVadWouldAndItIsStillAnswered()
        {
            var harness = new ConversationHarness("what do you sell");
            harness.At(1.0, c => c.MicrophoneMuted = true);   // the clip runs from 0.5 s to 2.5 s
            harness.Run(new PlayerScript(new[] { ConversationHarness.Speech(2.0) }), expectedTurns: 1);

            var metrics = harness.Of<TurnCompleted>().Single().Metrics;
            Assert.That(metrics.EndOfSpeech.TotalSeconds, Is.InRange(0.96, 1.0), "the end of the last frame heard before the mute");
            var thinking = harness.Of<StateChanged>().First(s => s.To == TurnState.Thinking);
            Assert.That((thinking.At - metrics.EndOfSpeech).TotalSeconds, Is.InRange(0.19, 0.21), "after the VAD's 0.2 s of silence");
            Assert.That(metrics.NpcText, Does.StartWith("Swords, axes and shields"));
            Assert.That(harness.Stt.SamplesHeard, Is.LessThan(Samples(1.5)));
        }

        [Test]
        public void AMutedMicrophoneHearsNothingWhileTheNpcStillSpeaks()
        {
            var harness = new ConversationHarness("never heard");
            harness.At(0.0, c => c.MicrophoneMuted = true);
            harness.At(0.1, c => c.Say("Iron for the blade, oak for the haft, leather for the grip, and patience for the rest."));
            harness.Run(new PlayerScript(new[] { ConversationHarness.Speech(1.5) }), expectedTurns: 1);   // over the line, from 0.5 s

            Assert.That(harness.Of<NpcLineEnded>().Single().Interrupted, Is.False, "muted speech does not barge in");
            Assert.That(harness.Of<TranscriptReceived>(), Is.Empty);
            Assert.That(harness.Stt.SamplesHeard, Is.Zero);
            Assert.That(harness.Of<StateChanged>().Select(s => s.To), Has.No.Member(TurnState.PlayerSpeaking));
            Assert.That(harness.Device!.PlayedSamples, Is.EqualTo(17 * Samples(0.2)), "all seventeen words played");
        }

        [Test]
        public void EndTurnEndpointsAtOnceWithoutTheVadSilence()
        {
            var harness = new ConversationHarness("what do you sell");
            harness.At(1.5, c =>
            {
                c.MicrophoneMuted = true;   // push-to-talk released: the microphone closes and the turn ends now
                c.EndTurn();
            });
            harness.Run(new PlayerScript(new[] { ConversationHarness.Speech(3.0) }), expectedTurns: 1);

            var metrics = harness.Of<TurnCompleted>().Single().Metrics;
            Assert.That(metrics.EndOfSpeech.TotalSeconds, Is.InRange(1.46, 1.5), "the end of the last frame heard before the release");
            var thinking = harness.Of<StateChanged>().First(s => s.To == TurnState.Thinking);
            Assert.That(thinking.At.TotalSeconds, Is.InRange(1.5, 1.521), "at the pump's next frame, not after the VAD's 0.2 s of silence");
            Assert.That(metrics.NpcText, Does.StartWith("Swords, axes and shields"));
        }

        [Test]
        public void EndTurnOverTheNpcCutsItOffEvenWhenTooShortToBargeIn()
        {
            var harness = new ConversationHarness("what do you sell", "goodbye");
            // The second clip (0.3 s, a cough to the VAD) starts 0.5 s into the NPC's line; released 0.2 s into it.
            harness.When(h => h.Device!.PlayedSamples >= Samples(0.7), c => c.EndTurn());
            var script = new PlayerScript(new[] { ConversationHarness.Speech(1.0), ConversationHarness.Speech(0.3) })
            {
                BargeInAfter = TimeSpan.FromMilliseconds(500),
            };
            harness.Run(script, expectedTurns: 2);

            var ended = harness.Of<NpcLineEnded>().First();
            Assert.That(ended.Interrupted, Is.True);
            var second = harness.Of<TurnCompleted>().Last().Metrics;
            Assert.That((second.PlayerText, second.NpcText), Is.EqualTo(("goodbye", "Safe roads, traveller.")));
        }
    }
}
