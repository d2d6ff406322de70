using System;

namespace VoiceNpc.Tts
{
    /// <summary>When a word is heard, relative to the start of its <see cref="SpeechChunk"/>.</summary>
    public sealed record WordTiming(string Word, TimeSpan Start, TimeSpan End);

    /// <summary>When a phone is heard, relative to the start of its <see cref="SpeechChunk"/>; drives visemes.</summary>
    public sealed record PhoneTiming(string Phone, TimeSpan Start, TimeSpan End);
}
