using System;
using UnityEngine;
using VoiceNpc.Audio;

namespace VoiceNpc.Unity
{
    /// <summary>
    /// Unity's Microphone as the <see cref="ILoopingClip"/> that <see cref="ClipCapture"/> reads: Microphone.Start records
    /// into a looping AudioClip whose write position (Microphone.GetPosition) wraps. Main thread only, as every
    /// Microphone and AudioClip call is.
    /// </summary>
    public sealed class UnityMicrophoneClip : ILoopingClip, IDisposable
    {
        /// <summary>
        /// The clip's length: long enough that a slow frame (a scene load) does not lap the reader, and not 1 s, which
        /// crackles (com.unity.webrtc #839). 10 s at 16 kHz mono is 640 KB.
        /// </summary>
        public const int LengthSeconds = 10;

        private readonly string? _device;
        private AudioClip? _clip;

        private UnityMicrophoneClip(string? device, AudioClip clip)
        {
            _device = device;
            _clip = clip;
        }

        /// <summary>Starts recording from <paramref name="device"/> (null or "": the default microphone).</summary>
        /// <exception cref="AudioDeviceUnavailableException">No microphone, or Unity could not start it.</exception>
        public static UnityMicrophoneClip Start(string? device)
        {
            string? name = string.IsNullOrEmpty(device) ? null : device;
            if (Microphone.devices.Length == 0)
                throw new AudioDeviceUnavailableException("Unity reports no microphone (Microphone.devices is empty)");
            if (name != null && Array.IndexOf(Microphone.devices, name) < 0)
                throw new AudioDeviceUnavailableException($"no microphone named \"{name}\"; Unity has: {string.Join(", ", Microphone.devices)}");
            Microphone.GetDeviceCaps(name, out int min, out int max);
            // 0 and 0 mean "any rate": ask for the pipeline's own, so nothing needs resampling.
            int rate = min == 0 && max == 0 ? AudioFormat.SampleRate : Math.Max(min, Math.Min(max, AudioFormat.SampleRate));
            var clip = Microphone.Start(name, true, LengthSeconds, rate);
            if (clip == null) throw new AudioDeviceUnavailableException($"Microphone.Start(\"{name ?? "default"}\") gave no clip");
            return new UnityMicrophoneClip(name, clip);
        }

        public int Frequency => Clip.frequency;
        public int Channels => Clip.channels;
        public int Frames => Clip.samples;

        /// <summary>Where Unity writes next, in frames; 0 until the device delivers its first samples.</summary>
        public int Position => Microphone.GetPosition(_device);

        /// <summary>Whether the device still records (false once it was unplugged or another Microphone.End stopped it).</summary>
        public bool IsRecording => _clip != null && Microphone.IsRecording(_device);

        public void GetData(float[] buffer, int offsetFrames) => Clip.GetData(buffer, offsetFrames);

        public void Dispose()
        {
            if (_clip == null) return;
            Microphone.End(_device);
            UnityObjects.Destroy(_clip);
            _clip = null;
        }

        private AudioClip Clip => _clip ?? throw new ObjectDisposedException(nameof(UnityMicrophoneClip));
    }
}
