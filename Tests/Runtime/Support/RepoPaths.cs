using System;
using System.IO;
using System.Runtime.CompilerServices;

namespace VoiceNpc.Tests.Support
{
    /// <summary>
    /// Finds files of the package (its root holds package.json) from where this source file was compiled: dotnet, Mono
    /// and Unity all compile Tests/Runtime in place (Unity from Packages/ or Library/PackageCache/; a path relative to
    /// the project resolves from the editor's working folder, the project), so no test depends on where the binaries are.
    /// Test data lives in the tarball: Samples~/Blacksmith and Tests/Runtime/Characters/Corpus~.
    /// </summary>
    public static class RepoPaths
    {
        public static string Root { get; } = FindRoot();

        public static string BlacksmithCharacter => Path.Combine(Root, "Samples~", "Blacksmith", "brenna.character.json");

        /// <summary>The package's model files, put there by ./build.sh.</summary>
        public static string Models => Path.Combine(Root, "Runtime", "Resources", "VoiceNpcModels");

        /// <summary>The generic PocketSphinx language model ./build.sh puts beside the build for the tools (not shipped).</summary>
        public static string GenericLanguageModel => Path.Combine(Root, ".artifacts", "models", "pocketsphinx-en-us.lm.bin");

        public static string PlayerLine(string fileName) => Path.Combine(Root, "Samples~", "Blacksmith", "player", fileName);

        private static string FindRoot([CallerFilePath] string thisFile = "")
        {
            // This file is Tests/Runtime/Support/RepoPaths.cs: the package root is three folders up.
            string root = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(Path.GetFullPath(thisFile))!, "..", "..", ".."));
            if (File.Exists(Path.Combine(root, "package.json"))) return root;
            throw new InvalidOperationException("package.json not found in " + root + ", three folders above " + thisFile +
                " (where the tests were compiled): the test data must be read from the package's own folder");
        }
    }
}
