using System;
using System.IO;

namespace VoiceNpc.Tests.Support
{
    /// <summary>Finds files of the repository (the package root holds package.json) from the test binaries.</summary>
    public static class RepoPaths
    {
        public static string Root { get; } = FindRoot();

        public static string BlacksmithCharacter => Path.Combine(Root, "Samples~", "Blacksmith", "brenna.character.json");

        /// <summary>The package's model files, put there by ./build.sh.</summary>
        public static string Models => Path.Combine(Root, "Runtime", "Models");

        /// <summary>The generic PocketSphinx language model ./build.sh puts beside the build for the tools (not shipped).</summary>
        public static string GenericLanguageModel => Path.Combine(Root, ".artifacts", "models", "pocketsphinx-en-us.lm.bin");

        public static string PlayerLine(string fileName) => Path.Combine(Root, "Samples~", "Blacksmith", "player", fileName);

        private static string FindRoot()
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir != null && !File.Exists(Path.Combine(dir.FullName, "package.json"))) dir = dir.Parent;
            return dir?.FullName ?? throw new InvalidOperationException("package.json not found above " + AppContext.BaseDirectory);
        }
    }
}
