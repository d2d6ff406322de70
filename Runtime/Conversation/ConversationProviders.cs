using System;
using System.Collections.Generic;
using VoiceNpc.Brain;
using VoiceNpc.Caching;
using VoiceNpc.Stt;
using VoiceNpc.Tts;
using VoiceNpc.Vad;

namespace VoiceNpc.Conversation
{
    /// <summary>
    /// The providers of one conversation, per stage, in the character's fallback order; built by a
    /// <see cref="ProviderCatalog"/>. <see cref="Skipped"/> lists the providers that could not even start.
    /// </summary>
    public sealed class ConversationProviders : IDisposable
    {
        public ConversationProviders(
            StageChain<IVoiceActivityDetector> vad,
            StageChain<ISpeechToText> stt,
            StageChain<ICharacterBrain> llm,
            StageChain<ITextToSpeech> tts,
            IReadOnlyList<ProviderFellBack> skipped)
        {
            Vad = vad;
            Stt = stt;
            Llm = llm;
            Tts = tts;
            Skipped = skipped;
        }

        public StageChain<IVoiceActivityDetector> Vad { get; }
        public StageChain<ISpeechToText> Stt { get; }
        public StageChain<ICharacterBrain> Llm { get; }
        public StageChain<ITextToSpeech> Tts { get; }
        public IReadOnlyList<ProviderFellBack> Skipped { get; }

        /// <summary>Where synthesized lines are kept and looked up first (the turn's TTS provider is then "cache"); none when null.</summary>
        public AudioCache? Cache { get; set; }

        public void Dispose()
        {
            Vad.Dispose();
            Stt.Dispose();
            Llm.Dispose();
            Tts.Dispose();
        }
    }
}
