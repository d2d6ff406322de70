using System;
using System.Collections.Generic;

namespace VoiceNpc.Stt
{
    /// <summary>A word the recogniser heard, with times relative to the start of the utterance.</summary>
    public sealed record RecognizedWord(string Text, TimeSpan Start, TimeSpan End, float Confidence);

    /// <summary>What the player said in one utterance.</summary>
    public sealed record Transcript(string Text, IReadOnlyList<RecognizedWord> Words, bool IsFinal)
    {
        public static Transcript Empty { get; } = new Transcript(string.Empty, Array.Empty<RecognizedWord>(), true);
    }
}
