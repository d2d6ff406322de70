using System;

namespace VoiceNpc.Storage
{
    /// <summary>A save, cache index or trace file that cannot be read: names the file and what was wrong where.</summary>
    public sealed class StoredFileException : Exception
    {
        public StoredFileException(string file, string problem, Exception? inner = null)
            : base($"{file}: {problem}", inner)
        {
            File = file;
            Problem = problem;
        }

        public string File { get; }
        public string Problem { get; }
    }
}
