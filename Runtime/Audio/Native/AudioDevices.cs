using System;
using System.Collections.Generic;
using System.Text;
using VoiceNpc.Native;

namespace VoiceNpc.Audio.Native
{
    /// <summary>The capture and playback devices OpenAL offers now, by the names <see cref="NativeAudioOptions"/> takes.</summary>
    public static unsafe class AudioDevices
    {
        private const int CaptureKind = 0, PlaybackKind = 1;
        private const uint DefaultIndex = uint.MaxValue;

        // Each is NativeLibraryUnavailableException when the audio core cannot be loaded.
        public static IReadOnlyList<string> Capture => Guard(() => List(CaptureKind));
        public static IReadOnlyList<string> Playback => Guard(() => List(PlaybackKind));

        /// <summary>The system default microphone's name, or null when there is none.</summary>
        public static string? DefaultCapture => Guard(() => Name(CaptureKind, DefaultIndex));

        /// <summary>The system default speakers' name, or null when there are none.</summary>
        public static string? DefaultPlayback => Guard(() => Name(PlaybackKind, DefaultIndex));

        private static T Guard<T>(Func<T> call) => NativeLoad.Guard(NativeMethods.Library, NativeMethods.Purpose, call);

        private static IReadOnlyList<string> List(int kind)
        {
            var names = new List<string>();
            if (NativeMethods.DeviceCount(kind, out uint count) != NativeMethods.Success) return names;
            for (uint i = 0; i < count; i++)
            {
                string? name = Name(kind, i);
                if (name != null) names.Add(name);
            }
            return names;
        }

        private static string? Name(int kind, uint index)
        {
            byte* buffer = stackalloc byte[1024];
            if (NativeMethods.DeviceName(kind, index, buffer, 1024) != NativeMethods.Success) return null;
            int length = 0;
            while (buffer[length] != 0) length++;
            return Encoding.UTF8.GetString(buffer, length);
        }
    }
}
