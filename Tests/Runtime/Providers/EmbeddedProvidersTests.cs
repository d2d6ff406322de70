using System;
using System.Linq;
using NUnit.Framework;
using VoiceNpc.Audio;
using VoiceNpc.Brain;
using VoiceNpc.Characters;
using VoiceNpc.Providers.Flite;
using VoiceNpc.Providers.PocketSphinx;
using VoiceNpc.Providers.Scripted;
using VoiceNpc.Stt;
using VoiceNpc.Tests.Support;

namespace VoiceNpc.Tests.Providers
{
    /// <summary>The offline providers together, for real: Flite speaks, PocketSphinx hears, the brain understands.</summary>
    public class EmbeddedProvidersTests
    {
        private sealed class NoEvents : ISpeechRecognitionEvents
        {
            public void OnInterim(Transcript transcript) { }
            public void OnEndOfSpeech() { }
        }

        private static string Hear(CharacterDefinition character, short[] audio)
        {
            using var stt = new PocketSphinxSpeechToText(new PocketSphinxOptions());
            stt.PrepareAsync(RecognitionContext.For(character), default).GetAwaiter().GetResult();
            using var stream = stt.StartAsync(new NoEvents(), default).GetAwaiter().GetResult();
            for (int i = 0; i < audio.Length; i += AudioFormat.FrameSamples)
                stream.WriteAsync(new ReadOnlyMemory<short>(audio, i, Math.Min(AudioFormat.FrameSamples, audio.Length - i)), default).GetAwaiter().GetResult();
            return stream.FinalizeAsync(default).GetAwaiter().GetResult().Text;
        }

        [TestCase("can you repair my sword", "repair", "repair")]
        [TestCase("what do you sell", "sell", "wares")]
        [TestCase("how much is a shield", "shield", "price")]
        public void SpokenQuestionIsHeardAndUnderstood(string question, string keyWord, string intent)
        {
            var character = CharacterLoader.Load(RepoPaths.BlacksmithCharacter);
            var silence = new short[AudioFormat.SampleRate / 2];
            var speech = new FliteTextToSpeech().SynthesizeAsync(question, new VoiceSettings("kal16"), default).ToBlockingList().SelectMany(c => c.Samples);
            string heard = Hear(character, silence.Concat(speech).Concat(silence).ToArray());

            Assert.That(heard.Split(' '), Does.Contain(keyWord), $"heard \"{heard}\"");
            var brain = new ScriptedBrain();
            string line = brain.ChooseLine(new BrainRequest(character, heard, Array.Empty<DialogueTurn>()));
            Assert.That(brain.LastIntent, Is.EqualTo(intent));
            Assert.That(character.Intents.Single(i => i.Id == intent).Lines, Does.Contain(line));
        }

        [Test]
        public void TheSamplesRecordedPlayerLinesAreUnderstood()
        {
            var character = CharacterLoader.Load(RepoPaths.BlacksmithCharacter);
            var expected = new[] { ("02-what-do-you-sell.wav", "wares"), ("03-can-you-repair-my-sword.wav", "repair"), ("04-how-much-is-a-shield.wav", "price") };
            foreach (var (file, intent) in expected)
            {
                string heard = Hear(character, WavFile.ReadAsPipelineAudio(RepoPaths.PlayerLine(file)));
                var brain = new ScriptedBrain();
                brain.ChooseLine(new BrainRequest(character, heard, Array.Empty<DialogueTurn>()));
                Assert.That(brain.LastIntent, Is.EqualTo(intent), $"{file} heard as \"{heard}\"");
            }
        }

        [Test]
        public void UnrelatedSpeechGetsADontUnderstandLine()
        {
            var character = CharacterLoader.Load(RepoPaths.BlacksmithCharacter);
            var brain = new ScriptedBrain();
            string line = brain.ChooseLine(new BrainRequest(character, "the weather on the moon", Array.Empty<DialogueTurn>()));
            Assert.That(brain.LastIntent, Is.EqualTo("dont-understand"));
            Assert.That(character.DontUnderstand, Does.Contain(line));
            Assert.That(brain.ChooseLine(new BrainRequest(character, "the weather on the moon", Array.Empty<DialogueTurn>())), Is.Not.EqualTo(line));
        }
    }
}
