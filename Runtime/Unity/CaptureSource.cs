namespace VoiceNpc.Unity
{
    /// <summary>Where the agent hears the player.</summary>
    public enum CaptureSource
    {
        /// <summary>
        /// The native core's capture with echo cancellation and noise suppression where the core exists (Linux editor and
        /// players today); elsewhere, or when it cannot open, Unity's Microphone (reported as a fallback).
        /// </summary>
        NativeWithEchoCancellation,

        /// <summary>Unity's Microphone on every platform: no echo cancellation, so use headphones or push-to-talk.</summary>
        UnityMicrophone,

        /// <summary>No microphone: the player types (SendText) and the game speaks lines (Say); nothing is recorded.</summary>
        None,
    }
}
