using System;

namespace VoiceNpc.Audio
{
    /// <summary>A file that should hold audio does not (or holds none); the message names the file and what is wrong.</summary>
    public sealed class AudioFileException : Exception
    {
        public AudioFileException(string path, string problem) : base($"{path}: {problem}")
        {
            Path = path;
            Problem = problem;
        }

        public string Path { get; }
        public string Problem { get; }
    }
}
