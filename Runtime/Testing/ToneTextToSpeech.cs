using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using VoiceNpc.Characters;
using VoiceNpc.Timing;
using VoiceNpc.Tts;

namespace VoiceNpc.Testing
{
    /// <summary>
    /// A deterministic TTS for pipeline tests and benchmarks: each word becomes <see cref="WordDuration"/> of tone with
    /// exact word timings, after <see cref="Latency"/> on the conversation clock. It can be told to fail or stall.
    /// </summary>
    public sealed class ToneTextToSpeech : ITextToSpeech
    {
        private readonly IClock _clock;

        public ToneTextToSpeech(IClock clock, string name = "tone-tts")
        {
            _clock = clock;
            Name = name;
        }

        public string Name { get; }
        public TimeSpan Latency { get; set; }
        public TimeSpan WordDuration { get; set; } = TimeSpan.FromMilliseconds(250);
        /// <summary>Fail every synthesis after this many succeeded (0: fail always; null: never).</summary>
        public int? FailAfter { get; set; }

        /// <summary>Go silent (until cancelled) in every synthesis after this many succeeded (0: always; null: never).</summary>
        public int? StallAfter { get; set; }
        public List<string> Spoken { get; } = new List<string>();

        public async IAsyncEnumerable<SpeechChunk> SynthesizeAsync(string text, VoiceSettings voice, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            await _clock.Delay(Latency, cancellationToken).ConfigureAwait(false);
            bool stall;
            lock (Spoken)
            {
                if (FailAfter is int limit && Spoken.Count >= limit) throw new Providers.ProviderException(Name, "scripted failure");
                stall = StallAfter is int quiet && Spoken.Count >= quiet;
            }
            if (stall) await _clock.Delay(TimeSpan.FromHours(1), cancellationToken).ConfigureAwait(false);
            var words = text.Split(new[] { ' ' }, StringSplitOptions.RemoveEmptyEntries);
            var timings = new List<WordTiming>();
            var phones = new List<PhoneTiming>();
            for (int i = 0; i < words.Length; i++)
            {
                var start = TimeSpan.FromTicks(WordDuration.Ticks * i);
                timings.Add(new WordTiming(words[i].Trim(',', '.', '!', '?'), start, start + WordDuration));
                phones.Add(new PhoneTiming("aa", start, start + WordDuration));
            }
            lock (Spoken) Spoken.Add(text);
            yield return new SpeechChunk(ToneSpeech.Make(TimeSpan.FromTicks(WordDuration.Ticks * words.Length), 330, 0.2), timings, phones);
        }

        public void Dispose() { }
    }
}
