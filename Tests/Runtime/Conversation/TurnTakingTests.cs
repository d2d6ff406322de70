using System;
using System.Linq;
using NUnit.Framework;
using VoiceNpc.Audio;
using VoiceNpc.Conversation;
using VoiceNpc.Testing;
using VoiceNpc.Tests.Support;

namespace VoiceNpc.Tests.Conversation
{
    /// <summary>Barge-in, the thinking-budget filler and per-stage fallback, on a virtual clock.</summary>
    public class TurnTakingTests
    {
        [Test]
        public void BargeInStopsTheNpcAndMemoryKeepsOnlyWhatWasHeard()
        {
            var harness = new ConversationHarness("what do you sell", "goodbye");
            var script = new PlayerScript(new[] { ConversationHarness.Speech(1.0), ConversationHarness.Speech(1.0) })
            {
                BargeInAfter = TimeSpan.FromMilliseconds(500),
            };
            harness.Run(script, expectedTurns: 2);

            var first = harness.Of<TurnCompleted>().First().Metrics;
            Assert.That(first.Interrupted, Is.True);
            var ended = harness.Of<NpcLineEnded>().First();
            Assert.That(ended.Interrupted, Is.True);
            Assert.That(ended.FullText, Does.StartWith("Swords, axes and shields"));
            Assert.That(ended.HeardText, Is.Not.Empty);
            Assert.That(ended.FullText, Does.StartWith(ended.HeardText));
            Assert.That(ended.HeardText.Length, Is.LessThan(ended.FullText.Length / 2));
            Assert.That(harness.Memory!.Turns[0].NpcText, Is.EqualTo(ended.HeardText));
            Assert.That(harness.Memory.Turns[0].Interrupted, Is.True);

            // The NPC's audio stopped where the player cut in: 0.5 s + the 0.5 s barge-in minimum, and a frame or two.
            var started = harness.Of<NpcLineStarted>().First();
            double playedSeconds = (ended.PlaybackSample - started.PlaybackSample) / (double)AudioFormat.SampleRate;
            Assert.That(playedSeconds, Is.InRange(0.9, 1.2));
            Assert.That(harness.Of<TurnCompleted>().Last().Metrics.NpcText, Is.EqualTo("Safe roads, traveller."));
        }

        [Test]
        public void ShortSoundsDoNotCutTheNpcOff()
        {
            var harness = new ConversationHarness("what do you sell", "");
            var script = new PlayerScript(new[] { ConversationHarness.Speech(1.0), ConversationHarness.Speech(0.3) })
            {
                BargeInAfter = TimeSpan.FromMilliseconds(500),
            };
            harness.Run(script, expectedTurns: 1);

            var ended = harness.Of<NpcLineEnded>().Single();
            Assert.That(ended.Interrupted, Is.False);
            Assert.That(ended.HeardText, Is.EqualTo(ended.FullText));
        }

        [Test]
        public void SlowBrainGetsAFillerLineInTheCharactersVoice()
        {
            var harness = new ConversationHarness("what do you sell");
            harness.Brain.FirstTokenLatency = TimeSpan.FromSeconds(2.5);
            harness.Run(new PlayerScript(new[] { ConversationHarness.Speech(1.0) }), expectedTurns: 1);

            var filler = harness.Of<FillerStarted>().Single();
            Assert.That(filler.Text, Is.EqualTo("Hmm, let me think."));
            var metrics = harness.Of<TurnCompleted>().Single().Metrics;
            Assert.That(metrics.FillerPlayed, Is.True);
            Assert.That((filler.At - metrics.EndOfSpeech).TotalSeconds, Is.InRange(1.4, 1.5));   // 0.2 s VAD stop + 1.2 s budget
            Assert.That(harness.Tts.Spoken, Does.Contain("Hmm, let me think."));
            Assert.That(harness.Of<NpcLineStarted>().Single().At, Is.GreaterThan(filler.At));
        }

        [Test]
        public void FastBrainGetsNoFiller()
        {
            var harness = new ConversationHarness("what do you sell");
            harness.Brain.FirstTokenLatency = TimeSpan.FromMilliseconds(300);
            harness.Run(new PlayerScript(new[] { ConversationHarness.Speech(1.0) }), expectedTurns: 1);

            Assert.That(harness.Of<FillerStarted>(), Is.Empty);
        }

        [Test]
        public void FailingTtsFallsBackWithinTheTurn()
        {
            var harness = new ConversationHarness("goodbye");
            harness.ExtraTts.Add(new ToneTextToSpeech(harness.Clock, "backup-tts") { WordDuration = TimeSpan.FromMilliseconds(200) });
            harness.Tts.FailAfter = 2;   // speaks the two fillers at start-up, then fails in the turn
            harness.Run(new PlayerScript(new[] { ConversationHarness.Speech(0.8) }), expectedTurns: 1);

            var fellBack = harness.Of<ProviderFellBack>().Single();
            Assert.That((fellBack.Stage, fellBack.From, fellBack.To), Is.EqualTo(("tts", "tone-tts", "backup-tts")));
            var metrics = harness.Of<TurnCompleted>().Single().Metrics;
            Assert.That(metrics.TtsProvider, Is.EqualTo("backup-tts"));
            Assert.That(metrics.NpcText, Is.EqualTo("Safe roads, traveller."));
            Assert.That(harness.Of<NpcLineStarted>().Count(), Is.EqualTo(1));
        }

        [Test]
        public void TtsFailingAtStartUpStillGivesFillersInTheBackupVoice()
        {
            var harness = new ConversationHarness("goodbye");
            var backup = new ToneTextToSpeech(harness.Clock, "backup-tts") { WordDuration = TimeSpan.FromMilliseconds(200) };
            harness.ExtraTts.Add(backup);
            harness.Tts.FailAfter = 0;
            harness.Run(new PlayerScript(new[] { ConversationHarness.Speech(0.8) }), expectedTurns: 1);

            Assert.That(backup.Spoken, Does.Contain("Hmm, let me think."));
            Assert.That(harness.Of<TurnCompleted>().Single().Metrics.TtsProvider, Is.EqualTo("backup-tts"));
        }

        [Test]
        public void FailingBrainFallsBackWithinTheTurn()
        {
            var harness = new ConversationHarness("goodbye");
            harness.Brain.Fail = true;   // the first brain fails before saying anything
            harness.ExtraBrains.Add(new DelayedBrain(new VoiceNpc.Providers.Scripted.ScriptedBrain(), harness.Clock, "backup-brain"));
            harness.Run(new PlayerScript(new[] { ConversationHarness.Speech(0.8) }), expectedTurns: 1);

            var fellBack = harness.Of<ProviderFellBack>().Single();
            Assert.That((fellBack.Stage, fellBack.To), Is.EqualTo(("llm", "backup-brain")));
            Assert.That(harness.Of<TurnCompleted>().Single().Metrics.NpcText, Is.EqualTo("Safe roads, traveller."));
        }

        [Test]
        public void FailingSttFallsBackAndHearsTheWholeUtterance()
        {
            var harness = new ConversationHarness("unused");
            harness.Stt.FailOnStart = true;
            var backup = new ScriptedSpeechToText(harness.Clock, new[] { "goodbye" }, "backup-stt");
            harness.ExtraStt.Add(backup);
            harness.Run(new PlayerScript(new[] { ConversationHarness.Speech(0.8) }), expectedTurns: 1);

            Assert.That(harness.Of<ProviderFellBack>().Single().To, Is.EqualTo("backup-stt"));
            Assert.That(harness.Of<TurnCompleted>().Single().Metrics.PlayerText, Is.EqualTo("goodbye"));
            // The whole utterance, pre-roll included, reached the backup: at least the 0.8 s spoken.
            Assert.That(backup.SamplesHeard, Is.GreaterThanOrEqualTo(AudioFormat.SamplesIn(TimeSpan.FromSeconds(0.8))));
        }
    }
}
