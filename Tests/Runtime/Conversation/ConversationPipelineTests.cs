using System;
using System.Linq;
using NUnit.Framework;
using VoiceNpc.Audio;
using VoiceNpc.Conversation;
using VoiceNpc.Testing;
using VoiceNpc.Tests.Support;

namespace VoiceNpc.Tests.Conversation
{
    /// <summary>The whole pipeline on a virtual clock with deterministic providers.</summary>
    public class ConversationPipelineTests
    {
        private static PlayerScript Script(params double[] seconds) =>
            new PlayerScript(seconds.Select(ConversationHarness.Speech).ToArray());

        [Test]
        public void AnswersEachTurnInOrderAndRemembersIt()
        {
            var harness = new ConversationHarness("what do you sell", "can you repair my sword", "goodbye");
            harness.Run(Script(1.0, 1.2, 0.8), expectedTurns: 3);

            var turns = harness.Of<TurnCompleted>().Select(t => t.Metrics).ToList();
            Assert.That(turns.Select(t => t.PlayerText), Is.EqualTo(new[] { "what do you sell", "can you repair my sword", "goodbye" }));
            Assert.That(turns[0].NpcText, Does.StartWith("Swords, axes and shields"));
            Assert.That(turns[1].NpcText, Does.StartWith("Leave it on the anvil"));
            Assert.That(turns[2].NpcText, Is.EqualTo("Safe roads, traveller."));
            Assert.That(turns.Any(t => t.Interrupted), Is.False);
            Assert.That(harness.Memory!.Turns.Select(t => t.NpcText), Is.EqualTo(turns.Select(t => t.NpcText)));
            Assert.That(harness.Of<ConversationError>(), Is.Empty);
        }

        [Test]
        public void GoesThroughTheTurnStatesInOrder()
        {
            var harness = new ConversationHarness("what do you sell");
            harness.Run(Script(1.0), expectedTurns: 1);

            var states = harness.Of<StateChanged>().Select(s => s.To).ToList();
            Assert.That(states, Is.EqualTo(new[] { TurnState.PlayerSpeaking, TurnState.Thinking, TurnState.NpcSpeaking, TurnState.Listening }));
        }

        [Test]
        public void SubtitlesAndVisemesFollowTheSpokenLine()
        {
            var harness = new ConversationHarness("goodbye");
            harness.Run(Script(0.8), expectedTurns: 1);

            var words = harness.Of<SubtitleWord>().Select(w => w.Word).ToList();
            Assert.That(words, Is.EqualTo(new[] { "Safe", "roads", "traveller" }));
            var started = harness.Of<NpcLineStarted>().Single();
            var ended = harness.Of<NpcLineEnded>().Single();
            Assert.That(harness.Of<SubtitleWord>().All(w => w.At >= started.At && w.At <= ended.At), Is.True);
            Assert.That(harness.Of<VisemeChanged>().Count(), Is.EqualTo(3));
            Assert.That(ended.PlaybackSample - started.PlaybackSample, Is.EqualTo(3 * AudioFormat.SamplesIn(TimeSpan.FromMilliseconds(200))));
        }

        [Test]
        public void StageTimingsAddUpToVoiceToVoice()
        {
            var harness = new ConversationHarness("what do you sell");
            harness.Stt.Latency = TimeSpan.FromMilliseconds(250);
            harness.Brain.FirstTokenLatency = TimeSpan.FromMilliseconds(400);
            harness.Tts.Latency = TimeSpan.FromMilliseconds(150);
            harness.Run(Script(1.0), expectedTurns: 1);

            var m = harness.Of<TurnCompleted>().Single().Metrics;
            Assert.That(m.FinalTranscript, Is.LessThanOrEqualTo(m.FirstToken));
            Assert.That(m.FirstToken, Is.LessThanOrEqualTo(m.FirstClause));
            Assert.That(m.FirstClause, Is.LessThanOrEqualTo(m.FirstAudio));
            Assert.That(m.FirstAudio, Is.LessThanOrEqualTo(m.FirstSampleOut));
            // VAD stop (0.2 s) + STT + LLM + TTS, plus at most two 20 ms frames of pump granularity.
            double v2v = m.VoiceToVoice!.Value.TotalMilliseconds;
            Assert.That(v2v, Is.InRange(1000, 1060));
            Assert.That(m.SinceEndOfSpeech(m.FinalTranscript)!.Value.TotalMilliseconds, Is.InRange(450, 490));
        }

        [Test]
        public void EventsArriveOnlyOnThePumpingThread()
        {
            var harness = new ConversationHarness("what do you sell", "goodbye");
            harness.Run(Script(1.0, 0.8), expectedTurns: 2);

            Assert.That(harness.Events.Count, Is.GreaterThan(10));
            Assert.That(harness.WrongThreadEvents, Is.Zero);
        }

        [Test]
        public void EmptyTranscriptGetsNoReply()
        {
            var harness = new ConversationHarness("", "goodbye");
            harness.Run(Script(0.6, 0.8), expectedTurns: 2);

            var turns = harness.Of<TurnCompleted>().Select(t => t.Metrics).ToList();
            Assert.That(turns[0].PlayerText, Is.Empty);
            Assert.That(turns[0].NpcText, Is.Empty);
            Assert.That(turns[1].NpcText, Is.EqualTo("Safe roads, traveller."));
            Assert.That(harness.Of<NpcLineStarted>().Count(), Is.EqualTo(1));
            Assert.That(harness.Memory!.Turns.Count, Is.EqualTo(1));
        }
    }
}
