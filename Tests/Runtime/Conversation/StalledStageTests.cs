using System;
using System.Linq;
using NUnit.Framework;
using VoiceNpc.Audio;
using VoiceNpc.Characters;
using VoiceNpc.Conversation;
using VoiceNpc.Providers.Scripted;
using VoiceNpc.Testing;
using VoiceNpc.Tests.Support;

namespace VoiceNpc.Tests.Conversation
{
    /// <summary>
    /// No stage can hold a turn hostage: a provider that stalls past the character's deadline, or breaks mid-reply,
    /// hands the turn to the next provider of its stage, which finishes it. On a virtual clock, so the deadlines are exact.
    /// </summary>
    public class StalledStageTests
    {
        private const string WaresLine = "Swords, axes and shields, all forged right here. Take a look at the rack.";
        private static readonly TimeSpan Forever = TimeSpan.FromHours(1);

        private static ConversationHarness Harness(StageDeadlines deadlines, params string[] playerTexts)
        {
            var harness = new ConversationHarness(playerTexts);
            harness.Character = harness.Character with { Deadlines = deadlines };
            return harness;
        }

        private static PlayerScript OneLine() => new PlayerScript(new[] { ConversationHarness.Speech(1.0) });

        [Test]
        public void AStalledRecogniserHandsTheUtteranceToTheNextOneAtItsDeadline()
        {
            var harness = Harness(new StageDeadlines { SttSeconds = 1 }, "unheard");
            harness.Stt.Latency = Forever;
            var backup = new ScriptedSpeechToText(harness.Clock, new[] { "what do you sell" }, "backup-stt");
            harness.ExtraStt.Add(backup);
            harness.Run(OneLine(), expectedTurns: 1);

            var fell = harness.Of<ProviderFellBack>().Single();
            Assert.That((fell.Stage, fell.From, fell.To), Is.EqualTo(("stt", "scripted-stt", "backup-stt")));
            Assert.That(fell.Reason, Is.EqualTo("scripted-stt: the final transcript took longer than 1 s (the character's deadlines.sttSeconds)"));
            var metrics = harness.Of<TurnCompleted>().Single().Metrics;
            Assert.That(metrics.PlayerText, Is.EqualTo("what do you sell"));
            Assert.That(metrics.NpcText, Is.EqualTo(WaresLine));
            // The endpoint (0.2 s VAD stop) and one second of waiting: not the provider's hour, nor the default 3 s.
            Assert.That(metrics.SinceEndOfSpeech(metrics.FinalTranscript)!.Value.TotalSeconds, Is.GreaterThanOrEqualTo(1.2).And.LessThan(2));
            Assert.That(backup.SamplesHeard, Is.GreaterThanOrEqualTo(AudioFormat.SamplesIn(TimeSpan.FromSeconds(1.0))));
        }

        [Test]
        public void AnAnswerDueInTheSameStepAsItsDeadlineWins()
        {
            // The clock moves a frame (20 ms) at a time: the transcript at 0.99 s and the 1 s deadline fall due together.
            // The answer was in time, and nothing of the deadline may be left counted as work (that would stop the clock).
            for (int run = 0; run < 20; run++)
            {
                var harness = Harness(new StageDeadlines { SttSeconds = 1 }, "what do you sell");
                harness.Stt.Latency = TimeSpan.FromSeconds(0.99);
                harness.Run(OneLine(), expectedTurns: 1);

                Assert.That(harness.Of<ProviderFellBack>(), Is.Empty, $"run {run}");
                Assert.That(harness.Of<TurnCompleted>().Single().Metrics.SttProvider, Is.EqualTo("scripted-stt"));
            }
        }

        [Test]
        public void ABrainThatNeverStartsIsReplacedAtItsDeadline()
        {
            var harness = Harness(new StageDeadlines { LlmSeconds = 2 }, "what do you sell");
            harness.FirstBrain = new DelayedBrain(new ScriptedBrain(), harness.Clock, "cloud-brain") { FirstTokenLatency = Forever };
            harness.Run(OneLine(), expectedTurns: 1);

            var fell = harness.Of<ProviderFellBack>().Single();
            Assert.That((fell.Stage, fell.From, fell.To), Is.EqualTo(("llm", "cloud-brain", "scripted")));
            Assert.That(fell.Reason, Is.EqualTo("cloud-brain: the first words took longer than 2 s (the character's deadlines.llmSeconds)"));
            var metrics = harness.Of<TurnCompleted>().Single().Metrics;
            Assert.That(metrics.NpcText, Is.EqualTo(WaresLine));
            Assert.That(metrics.LlmProvider, Is.EqualTo("scripted"));
            Assert.That(metrics.FillerPlayed, Is.True, "the thinking budget (1.2 s) is shorter than the deadline");
        }

        [TestCase(false, TestName = "ABrainThatBreaksMidReplyIsContinuedByTheNextOne")]
        [TestCase(true, TestName = "ABrainThatStallsMidReplyIsContinuedByTheNextOne")]
        public void ABrainThatFailsMidReplyIsContinuedByTheNextOne(bool stall)
        {
            var harness = Harness(new StageDeadlines { LlmSeconds = 2 }, "what do you sell");
            // Five pieces: "Swords, axes and shields," has gone to the voice, "all" is still waiting for its clause.
            var cloud = new DelayedBrain(new ScriptedBrain(), harness.Clock, "cloud-brain");
            if (stall) cloud.StallAfterPieces = 5;
            else cloud.FailAfterPieces = 5;
            harness.FirstBrain = cloud;
            harness.Run(OneLine(), expectedTurns: 1);

            var fell = harness.Of<ProviderFellBack>().Single();
            Assert.That((fell.Stage, fell.From, fell.To), Is.EqualTo(("llm", "cloud-brain", "scripted")));
            Assert.That(fell.Reason, Does.StartWith("mid-reply: cloud-brain: "));
            // The next brain was told what had been said, and the NPC said every word once.
            Assert.That(harness.Brain.Requests.Single().SpokenSoFar, Is.EqualTo("Swords, axes and shields,"));
            var ended = harness.Of<NpcLineEnded>().Single();
            Assert.That(ended.FullText, Is.EqualTo(WaresLine));
            Assert.That(ended.Interrupted, Is.False);
            Assert.That(harness.Tts.Spoken.Where(clause => clause.Contains("Swords")), Has.Exactly(1).Items);
            Assert.That(harness.Memory!.Turns.Single().NpcText, Is.EqualTo(WaresLine));
            Assert.That(harness.Of<ConversationError>(), Is.Empty);
        }

        [Test]
        public void ABrainThatBreaksMidReplyWithNoBrainLeftIsReportedAndKeepsWhatWasSaid()
        {
            var harness = Harness(StageDeadlines.Default, "what do you sell");
            harness.Brain.FailAfterPieces = 5;
            harness.Run(OneLine(), expectedTurns: 1);

            var error = harness.Of<ConversationError>().Single();
            Assert.That(error.Stage, Is.EqualTo("llm"));
            Assert.That(error.Message, Does.Contain("mid-reply: scripted: scripted failure mid-reply"));
            Assert.That(harness.Of<NpcLineEnded>().Single().FullText, Is.EqualTo("Swords, axes and shields,"));
            Assert.That(harness.Memory!.Turns.Single().NpcText, Is.EqualTo("Swords, axes and shields,"));
        }

        [Test]
        public void AStalledVoiceHandsTheClauseToTheNextOneAtItsDeadline()
        {
            var harness = Harness(new StageDeadlines { TtsSeconds = 1 }, "goodbye");
            // Speaks the two fillers at start-up, then goes silent in the turn.
            var cloud = new ToneTextToSpeech(harness.Clock, "cloud-voice") { WordDuration = TimeSpan.FromMilliseconds(200), StallAfter = 2 };
            harness.FirstTts = (cloud, "v");
            harness.Run(new PlayerScript(new[] { ConversationHarness.Speech(0.8) }), expectedTurns: 1);

            var fell = harness.Of<ProviderFellBack>().Single();
            Assert.That((fell.Stage, fell.From, fell.To), Is.EqualTo(("tts", "cloud-voice", "tone-tts")));
            Assert.That(fell.Reason, Is.EqualTo("cloud-voice: the first audio took longer than 1 s (the character's deadlines.ttsSeconds)"));
            var metrics = harness.Of<TurnCompleted>().Single().Metrics;
            Assert.That(metrics.TtsProvider, Is.EqualTo("tone-tts"));
            Assert.That(metrics.NpcText, Is.EqualTo("Safe roads, traveller."));
            Assert.That(harness.Tts.Spoken, Does.Contain("Safe roads, traveller."));
        }

        [Test]
        public void AVoiceThatStallsAtStartUpIsReplacedBeforeTheFirstTurn()
        {
            var harness = Harness(new StageDeadlines { TtsSeconds = 1 }, "goodbye");
            var cloud = new ToneTextToSpeech(harness.Clock, "cloud-voice") { StallAfter = 0 };
            harness.FirstTts = (cloud, "v");
            harness.Run(new PlayerScript(new[] { ConversationHarness.Speech(0.8) }), expectedTurns: 1);

            var fell = harness.Of<ProviderFellBack>().Single();
            Assert.That(fell.Reason, Is.EqualTo("cloud-voice: the filler line took longer than 1 s (the character's deadlines.ttsSeconds)"));
            Assert.That(harness.Tts.Spoken, Does.Contain("Hmm, let me think."), "the fillers in the next voice");
            Assert.That(harness.Of<TurnCompleted>().Single().Metrics.TtsProvider, Is.EqualTo("tone-tts"));
        }
    }
}
