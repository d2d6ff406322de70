using System.Collections.Generic;

namespace VoiceNpc.Hosting
{
    /// <summary>
    /// Every model file the package carries in Runtime/Resources/VoiceNpcModels/ (put there by ./build.sh, Tools~/fetch-models.sh):
    /// Silero VAD v5 from npm @livekit/agents-plugin-silero 1.9.0, and the PocketSphinx en-US acoustic model and
    /// dictionary from Debian's pocketsphinx-en-us 0.8+5prealpha+1-15. Each PocketSphinx file is passed to the decoder
    /// by its own option, so the names need not be the ones of the model's folder.
    /// </summary>
    public static class ModelFiles
    {
        public static readonly ModelFile Silero = new ModelFile("silero_vad.onnx.bytes", 2327524,
            "1a153a22f4509e292a94e67d6f9b85e8deb25b4988682b7e174c65279d8788e3", "the Silero VAD model");

        public static readonly ModelFile SphinxModelDefinition = Sphinx("mdef", 2959176,
            "2360f9a86889c1cfee8bd618a0269387911e5fb2920a594f506b18b8c79683b0");

        public static readonly ModelFile SphinxMeans = Sphinx("means", 838732,
            "832019e32cac12eb318964f96f469034acb12d0348eeddc3831831a100cb4dd4");

        public static readonly ModelFile SphinxVariances = Sphinx("variances", 838732,
            "b00d696f85e96834fc10f8e5f06428d8c4db6bffdbe5845b6f69bf6efbc48fa5");

        public static readonly ModelFile SphinxTransitions = Sphinx("transition_matrices", 2080,
            "c1f7f28ea43177be734be1f88bd7f1b9a853d0e660f8599c67c6eaeca8bb539a");

        public static readonly ModelFile SphinxSenones = Sphinx("sendump", 1969024,
            "8c9564c0d5bef69ca9d9bf1014abe162f071644cf02cf1fa8a483c3dc165a7a8");

        public static readonly ModelFile SphinxFeatureParameters = Sphinx("feat.params", 230,
            "9f8058c107ebbc42abef6d39c67c6aedbcf60ac371332e550994e12a0392cb02");

        public static readonly ModelFile SphinxNoiseDictionary = Sphinx("noisedict", 56,
            "7295b07df2c204c4f87c6782b6be1a3859d7006d4e3864181c955d6dab105a33");

        public static readonly ModelFile SphinxDictionary = new ModelFile("cmudict-en-us.dict.bytes", 3272051,
            "9de99dd2a24b63c653c1c30ab39388d05185cae36d0875f15c319b4ad6dc43af", "the PocketSphinx en-US pronunciation dictionary");

        /// <summary>The acoustic model's files, in no particular order.</summary>
        public static IReadOnlyList<ModelFile> SphinxAcousticModel { get; } = new[]
        {
            SphinxModelDefinition, SphinxMeans, SphinxVariances, SphinxTransitions, SphinxSenones, SphinxFeatureParameters,
            SphinxNoiseDictionary,
        };

        public static IReadOnlyList<ModelFile> All { get; } = new List<ModelFile>(SphinxAcousticModel) { Silero, SphinxDictionary };

        private static ModelFile Sphinx(string part, long length, string sha256) =>
            new ModelFile($"pocketsphinx-en-us-{part}.bytes", length, sha256, $"the PocketSphinx en-US acoustic model's {part}");
    }
}
