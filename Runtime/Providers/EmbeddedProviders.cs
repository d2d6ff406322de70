using VoiceNpc.Characters;
using VoiceNpc.Conversation;
using VoiceNpc.Native;
using VoiceNpc.Providers.Flite;
using VoiceNpc.Providers.PocketSphinx;
using VoiceNpc.Providers.Scripted;
using VoiceNpc.Vad;

namespace VoiceNpc.Providers
{
    /// <summary>The offline providers: no keys, no network. The default of every character, and its last fallback.</summary>
    public static class EmbeddedProviders
    {
        public static ProviderCatalog CreateCatalog(PocketSphinxOptions? sphinx = null) => new ProviderCatalog()
            .AddVad(ProviderNames.Silero, CreateSilero)
            .AddVad(ProviderNames.Energy, () => new EnergyVad())
            .AddStt(ProviderNames.PocketSphinx, () => new PocketSphinxSpeechToText(sphinx ?? new PocketSphinxOptions()))
            .AddLlm(ProviderNames.Scripted, () => new ScriptedBrain())
            .AddTts(ProviderNames.Flite, () => new FliteTextToSpeech());

        private static IVoiceActivityDetector CreateSilero()
        {
            string? model = VadModels.FindSilero();
            if (model == null)
                throw new ProviderException(ProviderNames.Silero,
                    $"model {VadModels.SileroFileName} not found (set VOICENPC_MODELS_DIR, or run ./build.sh to fetch it); using the energy VAD");
            return NativeLoad.Guard("onnxruntime", "ONNX Runtime, for the Silero VAD", () => new SileroVad(model));
        }
    }
}
