using System;

namespace VoiceNpc.Unity
{
    /// <summary>A microphone the agent cannot use: none present, a wrong device name, a denied permission. The message says which.</summary>
    public sealed class AudioDeviceUnavailableException : Exception
    {
        public AudioDeviceUnavailableException(string message) : base(message) { }
    }
}
