using System.Collections.Generic;

namespace VoiceNpc.Characters
{
    /// <summary>The provider names a character's fallback chains may use, per stage.</summary>
    public static class ProviderNames
    {
        public const string Silero = "silero";
        public const string Energy = "energy";
        public const string PocketSphinx = "pocketsphinx";
        public const string Scripted = "scripted";
        public const string Flite = "flite";
        public const string OpenAI = "openai";
        public const string ElevenLabs = "elevenlabs";
        public const string Deepgram = "deepgram";
        public const string DeepgramPrerecorded = "deepgram-prerecorded";

        public static IReadOnlyList<string> Vad { get; } = new[] { Silero, Energy };

        /// <summary>The cloud services a character's "cloud" section may configure.</summary>
        public static IReadOnlyList<string> Cloud { get; } = new[] { OpenAI, Deepgram, ElevenLabs };
        public static IReadOnlyList<string> Stt { get; } = new[] { PocketSphinx, OpenAI, Deepgram, DeepgramPrerecorded };
        public static IReadOnlyList<string> Llm { get; } = new[] { Scripted, OpenAI };
        public static IReadOnlyList<string> Tts { get; } = new[] { Flite, OpenAI, ElevenLabs };

        /// <summary>Whether a provider needs the network (and a key): a chain should not end on one.</summary>
        public static bool IsCloud(string provider) => provider == OpenAI || provider == ElevenLabs || provider == Deepgram || provider == DeepgramPrerecorded;
    }
}
