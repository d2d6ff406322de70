using System;
using System.Collections.Generic;

namespace VoiceNpc.Tts
{
    /// <summary>A piece of synthesized speech in the pipeline format, with the alignment of its words and phones.</summary>
    public sealed record SpeechChunk(short[] Samples, IReadOnlyList<WordTiming> Words, IReadOnlyList<PhoneTiming> Phones)
    {
        public TimeSpan Duration => Audio.AudioFormat.DurationOf(Samples.Length);
    }
}
