using System.Collections.Generic;
using VoiceNpc.Hosting;

namespace VoiceNpc.Providers.PocketSphinx
{
    /// <summary>
    /// The package's en-US acoustic model and dictionary, each file proven by <see cref="ModelCheck"/> and passed to the
    /// decoder by its own option (instead of -hmm, which expects the model folder's own file names).
    /// </summary>
    internal sealed class SphinxModel
    {
        private SphinxModel(string dictionary, IReadOnlyList<KeyValuePair<string, string>> acousticOptions)
        {
            Dictionary = dictionary;
            AcousticOptions = acousticOptions;
        }

        /// <summary>The full pronunciation dictionary.</summary>
        public string Dictionary { get; }

        /// <summary>-mdef, -mean, -var, -tmat, -sendump, -featparams and -fdict with their files.</summary>
        public IReadOnlyList<KeyValuePair<string, string>> AcousticOptions { get; }

        /// <exception cref="ProviderException">A file is missing or damaged; the message names it and what to do.</exception>
        public static SphinxModel Locate(string? folder)
        {
            try
            {
                var options = new[]
                {
                    Option("-mdef", ModelFiles.SphinxModelDefinition, folder),
                    Option("-mean", ModelFiles.SphinxMeans, folder),
                    Option("-var", ModelFiles.SphinxVariances, folder),
                    Option("-tmat", ModelFiles.SphinxTransitions, folder),
                    Option("-sendump", ModelFiles.SphinxSenones, folder),
                    Option("-featparams", ModelFiles.SphinxFeatureParameters, folder),
                    Option("-fdict", ModelFiles.SphinxNoiseDictionary, folder),
                };
                return new SphinxModel(ModelCheck.Require(ModelFiles.SphinxDictionary, folder), options);
            }
            catch (ModelFileException e)
            {
                throw new ProviderException(PocketSphinxSpeechToText.ProviderName, e.Message, e);
            }
        }

        private static KeyValuePair<string, string> Option(string name, ModelFile file, string? folder) =>
            new KeyValuePair<string, string>(name, ModelCheck.Require(file, folder));
    }
}
