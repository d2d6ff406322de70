using System;
using VoiceNpc.Characters;
using VoiceNpc.Conversation;
using VoiceNpc.Providers.Cloud;
using VoiceNpc.Providers.Deepgram;
using VoiceNpc.Providers.ElevenLabs;
using VoiceNpc.Providers.OpenAI;

namespace VoiceNpc.Providers
{
    /// <summary>
    /// The cloud providers a character's chains may name. Each needs the user's key for the endpoint it is sent to
    /// (<see cref="CloudAccess"/>); without one it cannot start and the character's next provider takes its place
    /// (reported as a fallback).
    /// </summary>
    public static class CloudProviders
    {
        /// <summary>
        /// Adds the cloud providers to a catalog: "openai" as brain, recogniser (transcription) and voice (speech),
        /// "deepgram" and "deepgram-prerecorded" recognisers, "elevenlabs" voice. Each takes the character's "cloud"
        /// settings (base URL, key name, model) as far as the user's keys allow, else the environment (OPENAI_BASE_URL,
        /// OPENAI_MODEL, DEEPGRAM_BASE_URL, ELEVENLABS_BASE_URL) or the secrets file, else the vendor's defaults.
        /// Their own stall timeouts are the character's stage deadlines.
        /// </summary>
        public static ProviderCatalog AddTo(ProviderCatalog catalog) => catalog
            .AddLlm(ProviderNames.OpenAI, c =>
            {
                var access = Access(c, ProviderNames.OpenAI, CloudService.OpenAI);
                return new OpenAIChatBrain(new OpenAIBrainOptions
                {
                    BaseUrl = access.Endpoint.AbsoluteUri, Key = access.Key,
                    Model = c.CloudFor(ProviderNames.OpenAI).Model ?? EnvironmentOr("OPENAI_MODEL", "gpt-4o-mini"),
                    StallTimeout = c.Deadlines.Llm,
                });
            })
            .AddStt(ProviderNames.OpenAI, c => new OpenAITranscription(OpenAIAudio(c, c.Deadlines.Stt)))
            .AddStt(ProviderNames.Deepgram, c => new DeepgramLiveStt(Deepgram(c, ProviderNames.Deepgram)))
            .AddStt(ProviderNames.DeepgramPrerecorded, c => new DeepgramPrerecorded(Deepgram(c, ProviderNames.DeepgramPrerecorded)))
            .AddTts(ProviderNames.OpenAI, c => new OpenAISpeech(OpenAIAudio(c, c.Deadlines.Tts)))
            .AddTts(ProviderNames.ElevenLabs, c =>
            {
                var access = Access(c, ProviderNames.ElevenLabs, CloudService.ElevenLabs);
                return new ElevenLabsSpeech(new ElevenLabsOptions
                {
                    BaseUrl = access.Endpoint.AbsoluteUri, Key = access.Key,
                    Model = c.CloudFor(ProviderNames.ElevenLabs).Model ?? new ElevenLabsOptions().Model,
                    StallTimeout = c.Deadlines.Tts,
                });
            });

        private static OpenAIAudioOptions OpenAIAudio(CharacterDefinition c, TimeSpan stallTimeout)
        {
            var access = Access(c, ProviderNames.OpenAI, CloudService.OpenAI);
            return new OpenAIAudioOptions { BaseUrl = access.Endpoint.AbsoluteUri, Key = access.Key, StallTimeout = stallTimeout };
        }

        private static DeepgramOptions Deepgram(CharacterDefinition c, string provider)
        {
            var access = Access(c, provider, CloudService.Deepgram);
            return new DeepgramOptions
            {
                BaseUrl = access.Endpoint.AbsoluteUri, Key = access.Key,
                Model = c.CloudFor(ProviderNames.Deepgram).Model ?? new DeepgramOptions().Model,
                FinalizeTimeout = c.Deadlines.Stt,   // its own wait for the final transcript is the character's deadline too
            };
        }

        /// <summary>The endpoint and key the character may use for a service: a key goes only where the user bound it.</summary>
        private static CloudAccess Access(CharacterDefinition c, string provider, CloudService service) =>
            CloudAccess.ForCharacter(provider, service, c);

        private static string EnvironmentOr(string variable, string fallback) =>
            Environment.GetEnvironmentVariable(variable) is string value && value.Length > 0 ? value : fallback;

        /// <summary>Everything: the embedded providers and the cloud ones.</summary>
        public static ProviderCatalog CreateCatalog() => AddTo(EmbeddedProviders.CreateCatalog());
    }
}
