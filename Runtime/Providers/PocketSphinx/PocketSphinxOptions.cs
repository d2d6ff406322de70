using System;
using VoiceNpc.Hosting;

namespace VoiceNpc.Providers.PocketSphinx
{
    /// <summary>
    /// Where the en-US model lives and how to bias recognition. The acoustic model and the dictionary are the
    /// package's files (<see cref="ModelFiles"/>) in <see cref="ModelFolder"/>; character models are generated in
    /// <see cref="CacheDirectory"/>.
    /// </summary>
    public sealed class PocketSphinxOptions
    {
        /// <summary>Build a small language model from the character's phrases (true) or always use the generic one.</summary>
        public bool UseCharacterModel { get; init; } = true;

        /// <summary>The folder holding the package's model files; default the host's (<see cref="VoiceNpcFolders.ModelFolder"/>).</summary>
        public string? ModelFolder { get; init; }

        /// <summary>
        /// A generic language model (e.g. Debian's en-us.lm.bin) for open speech: used when
        /// <see cref="UseCharacterModel"/> is false or the character has no phrases. The package ships none (27 MB);
        /// without it such a recogniser cannot start, and the chain falls back.
        /// </summary>
        public string? LanguageModelPath { get; init; }

        /// <summary>Where character models are generated; default the host's generated folder's "pocketsphinx".</summary>
        public string? CacheDirectory { get; init; }

        /// <summary>How much audio passes between two looks at the partial hypothesis.</summary>
        public TimeSpan InterimInterval { get; init; } = TimeSpan.FromMilliseconds(300);

        internal string Cache => CacheDirectory ?? VoiceNpcFolders.GeneratedFolder("pocketsphinx");
    }
}
