using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using VoiceNpc.Characters;
using VoiceNpc.Tts;

namespace VoiceNpc.Tests.Support
{
    /// <summary>
    /// A TTS whose words can be counted in the rendered output: each word is <see cref="ToneMs"/> of a tone followed by
    /// <see cref="GapMs"/> of silence, with the word's (and its one phone's) timing exactly on the tone.
    /// </summary>
    public sealed class GappedToneSpeech : ITextToSpeech
    {
        public const int ToneMs = 120;
        public const int GapMs = 80;

        public string Name => "gapped-tone-tts";

        public async IAsyncEnumerable<SpeechChunk> SynthesizeAsync(string text, VoiceSettings voice,
            [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            await Task.Yield();
            var words = text.Split(new[] { ' ' }, StringSplitOptions.RemoveEmptyEntries);
            int toneSamples = ToneMs * 16, wordSamples = (ToneMs + GapMs) * 16;
            var samples = new short[words.Length * wordSamples];
            var timings = new List<WordTiming>();
            var phones = new List<PhoneTiming>();
            for (int w = 0; w < words.Length; w++)
            {
                for (int i = 0; i < toneSamples; i++) samples[w * wordSamples + i] = (short)(0.3 * 32767 * Math.Sin(2 * Math.PI * 440 * i / 16000.0));
                var start = TimeSpan.FromMilliseconds(w * (ToneMs + GapMs));
                var end = start + TimeSpan.FromMilliseconds(ToneMs);
                timings.Add(new WordTiming(words[w].Trim(',', '.', '!', '?'), start, end));
                phones.Add(new PhoneTiming("aa", start, end));
            }
            yield return new SpeechChunk(samples, timings, phones);
        }

        public void Dispose() { }
    }
}
