using System;
using VoiceNpc.Characters;
using VoiceNpc.Conversation;
using VoiceNpc.Providers.Deepgram;
using VoiceNpc.Providers.ElevenLabs;
using VoiceNpc.Providers.OpenAI;

namespace VoiceNpc.Providers
{
    /// <summary>
    /// The cloud providers a character's chains may name. Each needs its key (environment or secrets file); without
    /// one it cannot start and the character's next provider takes its place (reported as a fallback).
    /// </summary>
    public static class CloudProviders
    {
        /// <summary>
        /// Adds the cloud providers to a catalog: "openai" as brain (OPENAI_MODEL picks the model), recogniser
        /// (transcription) and voice (speech); OPENAI_BASE_URL picks the server.
        /// </summary>
        public static ProviderCatalog AddTo(ProviderCatalog catalog) => catalog
            .AddLlm(ProviderNames.OpenAI, () => new OpenAIChatBrain(new OpenAIBrainOptions
            {
                Model = Environment.GetEnvironmentVariable("OPENAI_MODEL") is string model && model.Length > 0 ? model : "gpt-4o-mini",
            }))
            .AddStt(ProviderNames.OpenAI, () => new OpenAITranscription(new OpenAIAudioOptions()))
            .AddStt(ProviderNames.Deepgram, () => new DeepgramLiveStt(new DeepgramOptions()))
            .AddStt(ProviderNames.DeepgramPrerecorded, () => new DeepgramPrerecorded(new DeepgramOptions()))
            .AddTts(ProviderNames.OpenAI, () => new OpenAISpeech(new OpenAIAudioOptions()))
            .AddTts(ProviderNames.ElevenLabs, () => new ElevenLabsSpeech(new ElevenLabsOptions()));

        /// <summary>Everything: the embedded providers and the cloud ones.</summary>
        public static ProviderCatalog CreateCatalog() => AddTo(EmbeddedProviders.CreateCatalog());
    }
}
