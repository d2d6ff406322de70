using System;
using System.Linq;
using NUnit.Framework;
using VoiceNpc.Audio;
using VoiceNpc.Conversation;
using VoiceNpc.Tests.Support;

namespace VoiceNpc.Tests.Conversation
{
    /// <summary><see cref="VoiceConversation.SendText"/> and <see cref="VoiceConversation.Say"/>, on a virtual clock.</summary>
    public class TypedTextAndLineTests
    {
        private static PlayerScript Silence() => new PlayerScript(new short[0][]);

        [Test]
        public void TypedTextIsAnsweredWithoutSpeechRecognition()
        {
            var harness = new ConversationHarness("never heard");
            harness.At(0.5, c => c.SendText("  what do you sell "));
            harness.Run(Silence(), expectedTurns: 1);

            var transcript = harness.Of<TranscriptReceived>().Single();
            Assert.That((transcript.Text, transcript.IsFinal), Is.EqualTo(("what do you sell", true)));
            var metrics = harness.Of<TurnCompleted>().Single().Metrics;
            Assert.That(metrics.Origin, Is.EqualTo(TurnOrigin.Text));
            Assert.That(metrics.PlayerText, Is.EqualTo("what do you sell"));
            Assert.That(metrics.NpcText, Does.StartWith("Swords, axes and shields"));
            Assert.That(metrics.SttProvider, Is.Empty);
            Assert.That(metrics.FinalTranscript, Is.EqualTo(metrics.EndOfSpeech), "the text is the transcript the moment it is taken");
            Assert.That(metrics.EndOfSpeech.TotalSeconds, Is.InRange(0.5, 0.54));
            Assert.That(harness.Stt.SamplesHeard, Is.Zero);
            Assert.That(harness.Brain.Requests.Single().PlayerText, Is.EqualTo("what do you sell"));
            var remembered = harness.Memory!.Turns.Single();
            Assert.That((remembered.PlayerText, remembered.NpcText, remembered.Interrupted),
                Is.EqualTo(("what do you sell", metrics.NpcText, false)));
            Assert.That(harness.WrongThreadEvents, Is.Zero);
        }

        [Test]
        public void TypedTextInterruptsTheNpcAndMemoryKeepsWhatWasHeard()
        {
            var harness = new ConversationHarness("what do you sell");
            harness.When(h => h.Device!.PlayedSamples >= AudioFormat.SamplesIn(TimeSpan.FromSeconds(0.6)), c => c.SendText("goodbye"));
            harness.Run(new PlayerScript(new[] { ConversationHarness.Speech(1.0) }), expectedTurns: 2);

            var ended = harness.Of<NpcLineEnded>().First();
            Assert.That(ended.Interrupted, Is.True);
            Assert.That(ended.HeardText, Is.EqualTo("Swords, axes and"), "three 200 ms words had reached the speakers");
            var turns = harness.Memory!.Turns;
            Assert.That((turns[0].PlayerText, turns[0].NpcText, turns[0].Interrupted), Is.EqualTo(("what do you sell", "Swords, axes and", true)));
            Assert.That((turns[1].PlayerText, turns[1].NpcText), Is.EqualTo(("goodbye", "Safe roads, traveller.")));
            var second = harness.Of<TurnCompleted>().Last().Metrics;
            Assert.That((second.Origin, second.Interrupted), Is.EqualTo((TurnOrigin.Text, false)));
            Assert.That(harness.Brain.Requests.Last().History.Single().NpcText, Is.EqualTo("Swords, axes and"),
                "the brain hears what the player heard");
        }

        [Test]
        public void ALineIsSpokenAsWrittenWithoutTheBrain()
        {
            const string line = "Welcome to my forge, traveller. Mind the sparks.";
            var harness = new ConversationHarness();
            harness.Tts.Latency = TimeSpan.FromSeconds(1.5);   // longer than the 1.2 s thinking budget: still no filler for a line
            harness.At(3.5, c => c.Say(line));   // after the two start-up fillers, 1.5 s each
            harness.Run(Silence(), expectedTurns: 1);

            Assert.That(harness.Brain.Requests, Is.Empty);
            Assert.That(harness.Tts.Spoken.Skip(2), Is.EqualTo(new[] { "Welcome to my forge,", "traveller.", "Mind the sparks." }),
                "after the two fillers made at start-up, the line's clauses as the chunker cuts a reply");
            Assert.That(harness.Of<NpcLineStarted>().Single().Text, Is.EqualTo(line));
            Assert.That(harness.Of<SubtitleWord>().Select(w => w.Word),
                Is.EqualTo(new[] { "Welcome", "to", "my", "forge", "traveller", "Mind", "the", "sparks" }));
            Assert.That(harness.Of<VisemeChanged>().Count(), Is.EqualTo(8));
            var ended = harness.Of<NpcLineEnded>().Single();
            Assert.That((ended.Interrupted, ended.HeardText), Is.EqualTo((false, line)));
            Assert.That(harness.Of<FillerStarted>(), Is.Empty);
            var metrics = harness.Of<TurnCompleted>().Single().Metrics;
            Assert.That((metrics.Origin, metrics.PlayerText, metrics.LlmProvider, metrics.FillerPlayed),
                Is.EqualTo((TurnOrigin.Line, "", "", false)));
            var remembered = harness.Memory!.Turns.Single();
            Assert.That((remembered.PlayerText, remembered.NpcText, remembered.Interrupted), Is.EqualTo(("", line, false)));
            Assert.That(harness.Of<StateChanged>().Select(s => s.To),
                Is.EqualTo(new[] { TurnState.Thinking, TurnState.NpcSpeaking, TurnState.Listening }));
        }

        [Test]
        public void ALineInterruptsAReplyAndIsSaidWhole()
        {
            const string line = "Hold on, the forge is calling.";
            var harness = new ConversationHarness("what do you sell");
            harness.When(h => h.Device!.PlayedSamples >= AudioFormat.SamplesIn(TimeSpan.FromSeconds(0.6)), c => c.Say(line));
            harness.Run(new PlayerScript(new[] { ConversationHarness.Speech(1.0) }), expectedTurns: 2);

            var ended = harness.Of<NpcLineEnded>().ToList();
            Assert.That(ended.Select(e => (e.Interrupted, e.HeardText)), Is.EqualTo(new[] { (true, "Swords, axes and"), (false, line) }));
            var turns = harness.Memory!.Turns;
            Assert.That((turns[0].PlayerText, turns[0].NpcText, turns[0].Interrupted), Is.EqualTo(("what do you sell", "Swords, axes and", true)));
            Assert.That((turns[1].PlayerText, turns[1].NpcText, turns[1].Interrupted), Is.EqualTo(("", line, false)));
            Assert.That(harness.Brain.Requests, Has.Count.EqualTo(1), "the line asked no brain");
        }

        [Test]
        public void ALineIsCutOffByBargeInAndMemoryKeepsTheHeardPart()
        {
            var harness = new ConversationHarness("goodbye");
            harness.At(0.2, c => c.Say("Iron for the blade, oak for the haft, leather for the grip, and patience for the rest."));
            var script = new PlayerScript(new[] { ConversationHarness.Speech(1.0) }) { LeadIn = TimeSpan.FromSeconds(1.0) };
            harness.Run(script, expectedTurns: 2);

            var ended = harness.Of<NpcLineEnded>().First();
            Assert.That(ended.Interrupted, Is.True);
            Assert.That(ended.FullText, Does.StartWith(ended.HeardText));
            Assert.That(ended.HeardText.Split(' ').Length, Is.InRange(4, 8), "cut about 0.6 s after the player started at 1.0 s");
            var turns = harness.Memory!.Turns;
            Assert.That((turns[0].PlayerText, turns[0].NpcText, turns[0].Interrupted), Is.EqualTo(("", ended.HeardText, true)));
            Assert.That((turns[1].PlayerText, turns[1].NpcText), Is.EqualTo(("goodbye", "Safe roads, traveller.")));
            Assert.That(harness.Of<TurnCompleted>().First().Metrics.Origin, Is.EqualTo(TurnOrigin.Line));
        }

        [Test]
        public void BadTextIsRefusedWhereItWasGiven()
        {
            var harness = new ConversationHarness("goodbye");
            harness.Run(new PlayerScript(new[] { ConversationHarness.Speech(0.8) }), expectedTurns: 1);
            var conversation = harness.Conversation!;

            Assert.That(() => conversation.SendText(" \t "), Throws.ArgumentException.With.Message.Contains("empty or only white space"));
            Assert.That(() => conversation.Say(null!), Throws.TypeOf<ArgumentNullException>());
            Assert.That(() => conversation.SendText(new string('a', 501)),
                Throws.ArgumentException.With.Message.Contains("at most 500 characters").And.Message.Contains("has 501"));
            Assert.That(() => conversation.Say("Back again?"), Throws.TypeOf<ObjectDisposedException>().With.Message.Contains("stopped"));
            Assert.That(() => conversation.Interrupt(), Throws.TypeOf<ObjectDisposedException>());
        }
    }
}
