using System;
using System.IO;

namespace VoiceNpc.Providers.PocketSphinx
{
    /// <summary>
    /// Where the en-US model lives and how to bias recognition. Paths left null derive from
    /// <see cref="ModelDirectory"/>, whose default is $VOICENPC_POCKETSPHINX_MODEL_DIR or Debian's folder.
    /// </summary>
    public sealed class PocketSphinxOptions
    {
        public const string ModelDirectoryVariable = "VOICENPC_POCKETSPHINX_MODEL_DIR";
        public const string DebianModelDirectory = "/usr/share/pocketsphinx/model/en-us";

        /// <summary>Build a small language model from the character's phrases (true) or always use the generic one.</summary>
        public bool UseCharacterModel { get; init; } = true;

        /// <summary>The folder holding en-us/, en-us.lm.bin and cmudict-en-us.dict.</summary>
        public string ModelDirectory { get; init; } = DefaultModelDirectory();

        /// <summary>The acoustic model folder; default ModelDirectory/en-us.</summary>
        public string? AcousticModelPath { get; init; }

        /// <summary>The generic language model; default ModelDirectory/en-us.lm.bin.</summary>
        public string? LanguageModelPath { get; init; }

        /// <summary>The full pronunciation dictionary; default ModelDirectory/cmudict-en-us.dict.</summary>
        public string? DictionaryPath { get; init; }

        /// <summary>Where character models are cached; default the temp folder's voicenpc/pocketsphinx.</summary>
        public string? CacheDirectory { get; init; }

        /// <summary>How much audio passes between two looks at the partial hypothesis.</summary>
        public TimeSpan InterimInterval { get; init; } = TimeSpan.FromMilliseconds(300);

        internal string AcousticModel => AcousticModelPath ?? Path.Combine(ModelDirectory, "en-us");

        internal string GenericLanguageModel => LanguageModelPath ?? Path.Combine(ModelDirectory, "en-us.lm.bin");

        internal string Dictionary => DictionaryPath ?? Path.Combine(ModelDirectory, "cmudict-en-us.dict");

        internal string Cache => CacheDirectory ?? Path.Combine(Path.GetTempPath(), "voicenpc", "pocketsphinx");

        private static string DefaultModelDirectory()
        {
            var fromEnvironment = Environment.GetEnvironmentVariable(ModelDirectoryVariable);
            return string.IsNullOrEmpty(fromEnvironment) ? DebianModelDirectory : fromEnvironment!;
        }
    }
}
