using System.Collections.Generic;

namespace VoiceNpc.Characters
{
    /// <summary>Per stage, the providers to try in order: the first healthy one answers, the rest are its fallbacks.</summary>
    public sealed record StageChains(
        IReadOnlyList<string> Vad,
        IReadOnlyList<string> Stt,
        IReadOnlyList<string> Llm,
        IReadOnlyList<string> Tts)
    {
        public static StageChains Embedded { get; } = new StageChains(
            new[] { "silero", "energy" }, new[] { "pocketsphinx" }, new[] { "scripted" }, new[] { "flite" });
    }
}
