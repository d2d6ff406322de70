using System;

namespace VoiceNpc.Hosting
{
    /// <summary>
    /// A model file is missing, unreadable or not the one the package was built with. The message names the file, the
    /// folder it was looked for in, what is wrong and what to do. Providers turn it into a fallback, never a crash.
    /// </summary>
    public sealed class ModelFileException : Exception
    {
        internal const string Remedy = "run ./build.sh to put the package's models in Runtime/Resources/VoiceNpcModels, or point "
            + nameof(VoiceNpcFolders) + "." + nameof(VoiceNpcFolders.Models) + " (or $" + VoiceNpcFolders.ModelsVariable
            + ") at a folder holding the package's Runtime/Resources/VoiceNpcModels files";

        internal ModelFileException(ModelFile file, string? path, string problem)
            : base($"{file.Description} ({file.FileName}){(path == null ? "" : " at " + path)} {problem}; {Remedy}")
        {
            FileName = file.FileName;
            FilePath = path;
            Problem = problem;
        }

        /// <summary>The model file's name, e.g. silero_vad.onnx.bytes.</summary>
        public string FileName { get; }

        /// <summary>Where it was looked for; null when no model folder was set.</summary>
        public string? FilePath { get; }

        /// <summary>What is wrong: "was not found", "is truncated: 10 bytes of 56", "is damaged: SHA-256 ...".</summary>
        public string Problem { get; }
    }
}
