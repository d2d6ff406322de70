using System.Collections.Generic;
using System.IO;
using VoiceNpc.Hosting;

namespace VoiceNpc.Tests.Support
{
    /// <summary>A copy of some of the build's model files in a folder of the test's, to damage or leave out.</summary>
    public static class ModelFolderCopy
    {
        public static string Of(IEnumerable<ModelFile> files, string folder)
        {
            Directory.CreateDirectory(folder);
            foreach (var file in files) File.Copy(ModelCheck.Require(file), Path.Combine(folder, file.FileName), overwrite: true);
            return folder;
        }

        /// <summary>Same length, different content: only the SHA-256 can tell.</summary>
        public static void FlipLastByte(string path)
        {
            var content = File.ReadAllBytes(path);
            content[content.Length - 1] ^= 0xFF;
            File.WriteAllBytes(path, content);
        }

        public static void Truncate(string path, long length)
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Write);
            stream.SetLength(length);
        }
    }
}
