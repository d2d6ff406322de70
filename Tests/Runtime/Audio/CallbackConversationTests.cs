using System;
using System.Linq;
using NUnit.Framework;
using VoiceNpc.Audio;
using VoiceNpc.Conversation;
using VoiceNpc.Testing;
using VoiceNpc.Tests.Support;

namespace VoiceNpc.Tests.Audio
{
    /// <summary>
    /// Whole conversations over <c>SplitAudioDevice(ClipCapture, CallbackPlayback)</c> with a real-time callback thread:
    /// the events the game sees follow the samples the callback actually rendered. Assertions compare positions
    /// (rendered output against the played clock), never durations, so a slow machine cannot fail them.
    /// </summary>
    public class CallbackConversationTests
    {
        private const int Slack = 8;   // samples: the onset detector's threshold and the filter's first taps
        private static readonly int WordSamples = (GappedToneSpeech.ToneMs + GappedToneSpeech.GapMs) * 16;

        [Test]
        public void SubtitlesVisemesAndTheLineEndFollowTheRenderedSamples()
        {
            using var rig = new CallbackConversationRig(30, "what do you sell");
            rig.Start();
            rig.Say(ToneSpeech.Make(TimeSpan.FromSeconds(1)));
            rig.RunUntil(() => rig.Of<NpcLineEnded>().Any(), "the NPC's line ended");

            var (started, _) = rig.Of<NpcLineStarted>().Single();
            var (ended, endedPlayed) = rig.Of<NpcLineEnded>().Single();
            var words = rig.Of<SubtitleWord>().Where(w => w.Event.Turn == started.Turn).ToList();
            var visemes = rig.Of<VisemeChanged>().Where(v => v.Event.Turn == started.Turn).ToList();
            var bursts = Signal.Bursts(rig.Rendered(), CallbackConversationRig.Rate);
            int wordCount = ended.FullText.Split(' ').Length;
            TestContext.Progress.WriteLine($"\"{ended.FullText}\": {bursts.Count} rendered words; {rig.Playback.Stats}");

            Assert.That(ended.Interrupted, Is.False);
            Assert.That(ended.HeardText, Is.EqualTo(ended.FullText));
            Assert.That(bursts.Count, Is.EqualTo(wordCount), "every word was rendered once");
            Assert.That(words.Count, Is.EqualTo(wordCount));
            Assert.That(visemes.Count, Is.EqualTo(wordCount));
            Assert.That(rig.StreamPositionOf(bursts[0].Start), Is.EqualTo(started.PlaybackSample).Within(Slack),
                "the line started rendering at the position its event gives");
            for (int i = 0; i < wordCount; i++)
            {
                long renderedStart = rig.StreamPositionOf(bursts[i].Start);
                Assert.That(words[i].Played, Is.GreaterThanOrEqualTo(renderedStart - Slack), $"word {i} raised after it began rendering");
                Assert.That(visemes[i].Played, Is.GreaterThanOrEqualTo(renderedStart - Slack), $"viseme {i}");
                Assert.That(renderedStart - started.PlaybackSample, Is.EqualTo((long)i * WordSamples).Within(Slack),
                    $"word {i} rendered where its timing says");
            }
            Assert.That(endedPlayed, Is.GreaterThanOrEqualTo(rig.StreamPositionOf(bursts.Last().End - 1)),
                "the line ended after its last sample rendered");
            Assert.That(rig.Memory.Turns.Single().NpcText, Is.EqualTo(ended.FullText));
        }

        [Test]
        public void BargeInMemoryKeepsWhatWasRenderedAndTheClearingBlockIsSilent()
        {
            using var rig = new CallbackConversationRig(30, "what do you sell", "goodbye");
            int firstVoiced = -1;
            var interruption = CallbackConversationRig.AtDeviceRate(ToneSpeech.Make(TimeSpan.FromSeconds(1), 300));
            rig.OnBlock = k =>
            {
                // The player cuts in half a second after the NPC's voice first came out of the callback.
                if (firstVoiced < 0 && Signal.Rms(rig.Callback.Block(k)) > 0.01) firstVoiced = k;
                if (firstVoiced >= 0 && k == firstVoiced + CallbackConversationRig.Rate / 2 / CallbackConversationRig.Frames) rig.Say(interruption);
            };
            rig.Start();
            rig.Say(ToneSpeech.Make(TimeSpan.FromSeconds(1)));
            rig.RunUntil(() => rig.Of<TurnCompleted>().Any(), "the first turn completed");

            var (ended, _) = rig.Of<NpcLineEnded>().Single();
            int heard = ended.HeardText.Split(new[] { ' ' }, StringSplitOptions.RemoveEmptyEntries).Length;
            int clearing = Array.IndexOf(rig.Callback.ClearsAfter, 1L);
            var rendered = rig.Rendered();
            var bursts = Signal.Bursts(rendered.Take(clearing * CallbackConversationRig.Frames).ToArray(), CallbackConversationRig.Rate);
            int whole = bursts.Count(b => b.End - b.Start >= (GappedToneSpeech.ToneMs - 1) * 48);
            TestContext.Progress.WriteLine(
                $"heard \"{ended.HeardText}\" ({heard} words); rendered {whole} whole words of {bursts.Count}; {rig.Playback.Stats}");

            Assert.That(ended.Interrupted, Is.True);
            Assert.That(heard, Is.GreaterThan(0).And.LessThan(ended.FullText.Split(' ').Length));
            Assert.That(rig.Memory.Turns[0].NpcText, Is.EqualTo(ended.HeardText));
            Assert.That(clearing, Is.GreaterThan(0), "the callback carried out the clear");
            Assert.That(rig.Callback.Block(clearing).ToArray(), Is.All.EqualTo(0f), "the block that carried out the clear is silent");
            // Every word memory keeps was rendered whole; beyond them only the block in flight at the barge-in (21 ms,
            // shorter than the gap between words) could have rendered more: at most one more word, whole or cut.
            Assert.That(whole, Is.InRange(heard, heard + 1));
            Assert.That(bursts.Count, Is.InRange(heard, heard + 1));
        }
    }
}
