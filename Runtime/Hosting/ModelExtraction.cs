using System;
using System.IO;
using VoiceNpc.Storage;

namespace VoiceNpc.Hosting
{
    /// <summary>
    /// Puts the package's model files into a folder from wherever the host holds them (a Unity game: the TextAssets of
    /// Runtime/Resources/VoiceNpcModels, whose bytes it passes), so PocketSphinx, which reads files, finds them. A file already there and
    /// proven is left alone, so a game extracts once per version; each is written whole (temp file, then rename).
    /// </summary>
    public static class ModelExtraction
    {
        /// <param name="read">The content of one model file; may return null for a file the host does not have.</param>
        /// <returns>The folder, for <see cref="VoiceNpcFolders.Models"/>.</returns>
        /// <exception cref="ModelFileException">A model the host passed is not the package's.</exception>
        public static string ExtractTo(string folder, Func<ModelFile, byte[]?> read)
        {
            if (read == null) throw new ArgumentNullException(nameof(read));
            foreach (var file in ModelFiles.All)
            {
                if (IsInPlace(file, folder)) continue;
                byte[]? content = read(file);
                if (content == null) continue;
                ModelCheck.Prove(file, null, content);
                AtomicFile.Write(Path.Combine(folder, file.FileName), content, keepBackup: false);
            }
            return folder;
        }

        private static bool IsInPlace(ModelFile file, string folder)
        {
            try
            {
                ModelCheck.Require(file, folder);
                return true;
            }
            catch (ModelFileException)
            {
                return false;
            }
        }
    }
}
