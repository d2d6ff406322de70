using System;
using System.IO;
using System.Threading;

namespace VoiceNpc.Hosting
{
    /// <summary>
    /// Where the runtime reads its models and writes the files it generates, set once by the host before the first
    /// conversation: a Unity game passes the folder it extracted the package's Runtime/Resources/VoiceNpcModels TextAssets to (or ships
    /// them in) and Application.persistentDataPath; the CLI the package's Runtime/Resources/VoiceNpcModels; tests the build's.
    /// </summary>
    public static class VoiceNpcFolders
    {
        /// <summary>A development override of <see cref="Models"/>: when set, models are read from this folder.</summary>
        public const string ModelsVariable = "VOICENPC_MODELS_DIR";

        private static string? _models;
        private static string? _generated;

        /// <summary>The folder holding the files of <see cref="ModelFiles"/>.</summary>
        public static string? Models
        {
            get => Volatile.Read(ref _models);
            set => Volatile.Write(ref _models, value);
        }

        /// <summary>
        /// A writable folder for generated files (character language models). Default: the user's local application
        /// data folder's "voicenpc" (~/.local/share/voicenpc on Linux). What is written there is named by a hash of
        /// its inputs and reused; what has not been used for a while is removed (<see cref="GeneratedFiles"/>).
        /// </summary>
        public static string? Generated
        {
            get => Volatile.Read(ref _generated);
            set => Volatile.Write(ref _generated, value);
        }

        /// <summary>The model folder in effect: $VOICENPC_MODELS_DIR when set, else <see cref="Models"/>.</summary>
        public static string? ModelFolder
        {
            get
            {
                string? fromEnvironment = Environment.GetEnvironmentVariable(ModelsVariable);
                return string.IsNullOrEmpty(fromEnvironment) ? Models : fromEnvironment;
            }
        }

        /// <summary>The folder for one kind of generated file, under <see cref="Generated"/> or its default.</summary>
        public static string GeneratedFolder(string kind)
        {
            string? root = Generated;
            if (string.IsNullOrEmpty(root))
            {
                string local = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify);
                if (string.IsNullOrEmpty(local))
                    throw new InvalidOperationException($"no writable folder for generated files: set {nameof(VoiceNpcFolders)}.{nameof(Generated)}");
                root = Path.Combine(local, "voicenpc");
            }
            return Path.Combine(root, kind);
        }
    }
}
