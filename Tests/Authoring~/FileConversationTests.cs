using System;
using System.Linq;
using System.Threading;
using NUnit.Framework;
using VoiceNpc.Audio;
using VoiceNpc.Authoring;
using VoiceNpc.Characters;
using VoiceNpc.Conversation;
using VoiceNpc.Providers.Scripted;
using VoiceNpc.Testing;
using VoiceNpc.Tests.Support;
using VoiceNpc.Timing;
using VoiceNpc.Vad;

namespace VoiceNpc.Tests.Authoring
{
    /// <summary>A conversation whose player is a list of clips, on a virtual clock with deterministic providers.</summary>
    public class FileConversationTests
    {
        [Test]
        public void AClipWithNoSpeechIsReportedUnheardAndThePlayerGoesOnAtOnce()
        {
            var clock = new VirtualClock();
            var catalog = new ProviderCatalog()
                .AddVad("silero", () => new EnergyVad())
                .AddStt("pocketsphinx", () => new ScriptedSpeechToText(clock, new[] { "what do you sell" }))
                .AddLlm("scripted", () => new ScriptedBrain())
                .AddTts("flite", () => new ToneTextToSpeech(clock));
            var conversation = new FileConversation(CharacterLoader.Load(RepoPaths.BlacksmithCharacter), catalog, clock);
            var speechStarts = new System.Collections.Generic.List<TimeSpan>();
            conversation.EventSeen += e => { if (e is StateChanged { To: TurnState.PlayerSpeaking } s) speechStarts.Add(s.At); };
            var silence = new short[AudioFormat.SamplesIn(TimeSpan.FromSeconds(2))];

            var clips = new[] { silence, ConversationHarness.Speech(1.0) };
            var turns = conversation.RunAsync(clips, null, CancellationToken.None).GetAwaiter().GetResult();

            Assert.That(conversation.UnheardClips, Is.EqualTo(new[] { 0 }));
            Assert.That(turns.Single().Metrics.PlayerText, Is.EqualTo("what do you sell"));
            // 0.5 s lead-in, 2 s of silence, then the player waits 2 s for a sign of being heard: not the 20 s reply timeout.
            Assert.That(speechStarts.Single().TotalSeconds, Is.GreaterThanOrEqualTo(4.5).And.LessThan(6));
        }
    }
}
