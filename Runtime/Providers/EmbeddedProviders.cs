using VoiceNpc.Characters;
using VoiceNpc.Conversation;
using VoiceNpc.Hosting;
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
        /// <param name="modelFolder">Where Silero's and PocketSphinx's files are; default the host's (<see cref="VoiceNpcFolders"/>).</param>
        public static ProviderCatalog CreateCatalog(PocketSphinxOptions? sphinx = null, string? modelFolder = null) => new ProviderCatalog()
            .AddVad(ProviderNames.Silero, () => CreateSilero(modelFolder))
            .AddVad(ProviderNames.Energy, () => new EnergyVad())
            .AddStt(ProviderNames.PocketSphinx, () => new PocketSphinxSpeechToText(sphinx ?? new PocketSphinxOptions { ModelFolder = modelFolder }))
            .AddLlm(ProviderNames.Scripted, () => new ScriptedBrain())
            .AddTts(ProviderNames.Flite, () => new FliteTextToSpeech());

        /// <summary>The model is read and proven once, then loaded from memory: the file cannot change in between.</summary>
        private static IVoiceActivityDetector CreateSilero(string? modelFolder)
        {
            try
            {
                byte[] model = ModelCheck.ReadVerified(ModelFiles.Silero, modelFolder);
                return NativeLoad.Guard("onnxruntime", "ONNX Runtime, for the Silero VAD", () => new SileroVad(model));
            }
            catch (ModelFileException e)
            {
                throw new ProviderException(ProviderNames.Silero, e.Message + "; using the next VAD", e);
            }
        }
    }
}
