using System;

namespace VoiceNpc.Audio.Native
{
    /// <summary>A microphone or speakers that could not be opened, named, with what was tried.</summary>
    public sealed class AudioDeviceException : Exception
    {
        public AudioDeviceException(string message) : base(message) { }
        public AudioDeviceException(string message, Exception inner) : base(message, inner) { }
    }
}
