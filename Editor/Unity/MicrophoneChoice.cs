#nullable enable
using System;
using System.Collections.Generic;
using UnityEngine;
using VoiceNpc.Audio.Native;
using VoiceNpc.Native;
using VoiceNpc.Unity;

namespace VoiceNpc.Editor
{
    /// <summary>
    /// The microphones the agent can pick from: the native core's capture devices (OpenAL's names) for native capture,
    /// Unity's Microphone.devices otherwise, each list headed by "(default)". Listing native devices probes OpenAL,
    /// which can take a moment, so a list is kept until refreshed.
    /// </summary>
    internal sealed class MicrophoneChoice
    {
        private readonly Dictionary<CaptureSource, string[]> _lists = new Dictionary<CaptureSource, string[]>();

        public string[] Names(CaptureSource source, bool refresh)
        {
            if (!refresh && _lists.TryGetValue(source, out var cached)) return cached;
            var names = new List<string> { "(default)" };
            names.AddRange(source == CaptureSource.NativeWithEchoCancellation ? Native() : Microphone.devices);
            return _lists[source] = names.ToArray();
        }

        private static IEnumerable<string> Native()
        {
            try { return AudioDevices.Capture; }
            catch (NativeLibraryUnavailableException) { return Microphone.devices; }   // the agent falls back to Unity's Microphone too
            catch (AudioDeviceException) { return Microphone.devices; }
        }
    }
}
