using System;
using System.IO;
using VoiceNpc.Hosting;

namespace VoiceNpc.FakeCloud
{
    /// <summary>
    /// The models of this development tree, where ./build.sh puts them: the package's Runtime/Resources/VoiceNpcModels, and the generic
    /// PocketSphinx language model the tools use for open speech (.artifacts/models; not shipped, 27 MB).
    /// </summary>
    public static class DevelopmentModels
    {
        /// <summary>The package root (the folder holding package.json) above the running tool.</summary>
        public static string Root { get; } = FindRoot();

        public static string Folder => Path.Combine(Root, "Runtime", "Resources", "VoiceNpcModels");

        public static string GenericLanguageModel => Path.Combine(Root, ".artifacts", "models", "pocketsphinx-en-us.lm.bin");

        /// <summary>Makes the tree's models the process's unless the host chose a folder already.</summary>
        public static void UseUnlessSet()
        {
            if (VoiceNpcFolders.Models == null) VoiceNpcFolders.Models = Folder;
        }

        private static string FindRoot()
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir != null && !File.Exists(Path.Combine(dir.FullName, "package.json"))) dir = dir.Parent;
            return dir?.FullName ?? Directory.GetCurrentDirectory();
        }
    }
}
