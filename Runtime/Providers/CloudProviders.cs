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
        /// Adds the cloud providers to a catalog: "openai" as brain, recogniser (transcription) and voice (speech),
        /// "deepgram" and "deepgram-prerecorded" recognisers, "elevenlabs" voice. Each takes the character's "cloud"
        /// settings (base URL, model), else the environment (OPENAI_BASE_URL, OPENAI_MODEL, DEEPGRAM_BASE_URL,
        /// ELEVENLABS_BASE_URL), else the vendor's defaults. Their own stall timeouts are the character's stage deadlines.
        /// </summary>
        public static ProviderCatalog AddTo(ProviderCatalog catalog) => catalog
            .AddLlm(ProviderNames.OpenAI, c => new OpenAIChatBrain(new OpenAIBrainOptions
            {
                BaseUrl = c.CloudFor(ProviderNames.OpenAI).BaseUrl,
                Model = c.CloudFor(ProviderNames.OpenAI).Model ?? EnvironmentOr("OPENAI_MODEL", "gpt-4o-mini"),
                StallTimeout = c.Deadlines.Llm,
            }))
            .AddStt(ProviderNames.OpenAI, c => new OpenAITranscription(new OpenAIAudioOptions
            {
                BaseUrl = c.CloudFor(ProviderNames.OpenAI).BaseUrl,
                StallTimeout = c.Deadlines.Stt,
            }))
            .AddStt(ProviderNames.Deepgram, c => new DeepgramLiveStt(Deepgram(c)))
            .AddStt(ProviderNames.DeepgramPrerecorded, c => new DeepgramPrerecorded(Deepgram(c)))
            .AddTts(ProviderNames.OpenAI, c => new OpenAISpeech(new OpenAIAudioOptions
            {
                BaseUrl = c.CloudFor(ProviderNames.OpenAI).BaseUrl,
                StallTimeout = c.Deadlines.Tts,
            }))
            .AddTts(ProviderNames.ElevenLabs, c => new ElevenLabsSpeech(new ElevenLabsOptions
            {
                BaseUrl = c.CloudFor(ProviderNames.ElevenLabs).BaseUrl,
                Model = c.CloudFor(ProviderNames.ElevenLabs).Model ?? new ElevenLabsOptions().Model,
                StallTimeout = c.Deadlines.Tts,
            }));

        /// <summary>The provider's own wait for the final transcript is the character's deadline too.</summary>
        private static DeepgramOptions Deepgram(CharacterDefinition c) => new DeepgramOptions
        {
            BaseUrl = c.CloudFor(ProviderNames.Deepgram).BaseUrl,
            Model = c.CloudFor(ProviderNames.Deepgram).Model ?? new DeepgramOptions().Model,
            FinalizeTimeout = c.Deadlines.Stt,
        };

        private static string EnvironmentOr(string variable, string fallback) =>
            Environment.GetEnvironmentVariable(variable) is string value && value.Length > 0 ? value : fallback;

        /// <summary>Everything: the embedded providers and the cloud ones.</summary>
        public static ProviderCatalog CreateCatalog() => AddTo(EmbeddedProviders.CreateCatalog());
    }
}
