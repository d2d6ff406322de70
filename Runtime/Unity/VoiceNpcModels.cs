using System.IO;
using UnityEngine;
using VoiceNpc.Hosting;

namespace VoiceNpc.Unity
{
    /// <summary>
    /// Makes the package's models usable in a built player. They ship as TextAssets in the package's Resources folder
    /// (Runtime/Resources/VoiceNpcModels), so every build carries them, an Android APK included; PocketSphinx reads
    /// files, so <see cref="Install"/> writes their bytes once into a folder under Application.persistentDataPath,
    /// proven against their SHA-256, and points <see cref="VoiceNpcFolders"/> there. Call it on the game thread
    /// (Resources and Application are engine APIs) before the first conversation.
    /// </summary>
    public static class VoiceNpcModels
    {
        /// <summary>The folder under a Resources folder that holds the model TextAssets.</summary>
        public const string ResourceFolder = "VoiceNpcModels";

        /// <returns>The model folder now in <see cref="VoiceNpcFolders.Models"/>.</returns>
        /// <exception cref="ModelFileException">A model in the build is not the package's (damaged or replaced).</exception>
        public static string Install()
        {
            // Once per play session: every start (and restart) of an agent calls this on the main thread.
            if (_installed != null && VoiceNpcFolders.Models == _installed) return _installed;
            string root = Path.Combine(Application.persistentDataPath, "VoiceNpc");
            string models = ModelExtraction.ExtractTo(Path.Combine(root, "models"), Read);
            VoiceNpcFolders.Models = models;
            if (VoiceNpcFolders.Generated == null) VoiceNpcFolders.Generated = Path.Combine(root, "generated");
            _installed = models;
            return models;
        }

        private static string? _installed;

        /// <summary>
        /// Statics survive "Enter Play Mode" without a domain reload: every play session starts with the folders unset,
        /// as a fresh player does, so a folder from an earlier session (or another project setting) is never reused unseen.
        /// </summary>
        [RuntimeInitializeOnLoadMethod(RuntimeInitializeLoadType.SubsystemRegistration)]
        private static void ResetFolders()
        {
            VoiceNpcFolders.Models = null;
            VoiceNpcFolders.Generated = null;
            _installed = null;
        }

        /// <summary>A TextAsset's name drops only the last extension: "silero_vad.onnx.bytes" loads as "silero_vad.onnx".</summary>
        private static byte[]? Read(ModelFile file)
        {
            var asset = Resources.Load<TextAsset>(ResourceFolder + "/" + Path.GetFileNameWithoutExtension(file.FileName));
            if (asset == null) return null;
            byte[] bytes = asset.bytes;
            Resources.UnloadAsset(asset);
            return bytes;
        }
    }
}
