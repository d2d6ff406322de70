using System.IO;

namespace VoiceNpc.Cli
{
    /// <summary>
    /// The rule for every option that names a place to write (talk's --output, --trace, --memory-folder,
    /// --cache-folder), checked before anything runs: a file option must not name a folder, a folder option must not
    /// name a file, and nothing can be made under an existing file. A refusal is one line naming the option and path.
    /// </summary>
    public static class WritablePath
    {
        /// <summary>Why <paramref name="path"/> cannot be written as a file, or null when it can be tried.</summary>
        public static string? FileProblem(string option, string path) => Problem(option, path, folder: false);

        /// <summary>Why <paramref name="path"/> cannot be used (or made) as a folder, or null when it can be tried.</summary>
        public static string? FolderProblem(string option, string path) => Problem(option, path, folder: true);

        private static string? Problem(string option, string path, bool folder)
        {
            string full = Path.GetFullPath(path);
            if (folder && File.Exists(full)) return $"{option} {TerminalText.Clean(path)} is a file; give a folder";
            if (!folder && Directory.Exists(full)) return $"{option} {TerminalText.Clean(path)} is a folder; give a file path";
            for (string? parent = Path.GetDirectoryName(full); parent != null; parent = Path.GetDirectoryName(parent))
            {
                if (Directory.Exists(parent)) return null;
                if (File.Exists(parent)) return $"{option} {TerminalText.Clean(path)} lies under {TerminalText.Clean(parent)}, which is a file";
            }
            return null;
        }
    }
}
