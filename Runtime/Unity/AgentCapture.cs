using System;
using System.Diagnostics;
using VoiceNpc.Audio;
using VoiceNpc.Audio.Native;
using VoiceNpc.Native;

namespace VoiceNpc.Unity
{
    /// <summary>
    /// The agent's microphone: the native core's echo-cancelling capture when asked for and available, else Unity's
    /// Microphone read through <see cref="ClipCapture"/> (polled on the main thread). Opened and disposed on the main
    /// thread (Microphone is an engine API).
    /// </summary>
    internal sealed class AgentCapture : IDisposable
    {
        private readonly NativeCaptureDevice? _native;
        private readonly UnityMicrophoneClip? _clip;
        private readonly ClipCapture? _clipCapture;
        private readonly SilentCapture? _silence;
        private readonly DeviceReopener? _reopener;

        private AgentCapture(NativeCaptureDevice native)
        {
            _native = native;
            var clock = Stopwatch.StartNew();
            _reopener = new DeviceReopener(() => native.Fault, native.TryReopen, TimeSpan.FromSeconds(2), () => clock.Elapsed);
            Capture = native;
            Description = "native capture with echo cancellation";
        }

        private AgentCapture(SilentCapture silence)
        {
            _silence = silence;
            Capture = silence;
            Description = "no microphone (typed input)";
        }

        private AgentCapture(UnityMicrophoneClip clip, ClipCapture capture, string? fallbackReason)
        {
            _clip = clip;
            _clipCapture = capture;
            Capture = capture;
            FallbackReason = fallbackReason;
            Description = fallbackReason == null ? "Unity Microphone" : "Unity Microphone (native capture unavailable)";
        }

        public IAudioCapture Capture { get; }

        /// <summary>Where the speakers' output goes for the echo canceller; null without one (Unity Microphone).</summary>
        public IEchoReference? EchoReference => _native?.EchoReference;

        /// <summary>What the agent captures with, for the inspector.</summary>
        public string Description { get; }

        /// <summary>Why native capture was asked for but Unity's Microphone is used; null otherwise.</summary>
        public string? FallbackReason { get; }

        /// <param name="outputSampleRate">AudioSettings.outputSampleRate: the rate of the echo reference Unity plays.</param>
        /// <exception cref="AudioDeviceUnavailableException">Unity's Microphone has no device or cannot start it.</exception>
        /// <param name="referenceDelayMilliseconds">NativeCaptureOptions.ReferenceDelayMilliseconds (0 to 400).</param>
        public static AgentCapture Open(CaptureSource source, string microphone, int outputSampleRate, int referenceDelayMilliseconds)
        {
            if (source == CaptureSource.None) return new AgentCapture(new SilentCapture());
            string? fallback = null;
            if (source == CaptureSource.NativeWithEchoCancellation && (outputSampleRate < 8000 || outputSampleRate > 192000))
                fallback = $"Unity's output rate is {outputSampleRate} Hz (audio disabled?), which the echo canceller cannot take as its reference";
            else if (source == CaptureSource.NativeWithEchoCancellation)
            {
                try
                {
                    var options = new NativeCaptureOptions
                    {
                        CaptureDevice = microphone.Length == 0 ? null : microphone,
                        ReferenceSampleRate = outputSampleRate,
                        ReferenceDelayMilliseconds = referenceDelayMilliseconds,
                    };
                    return new AgentCapture(NativeCaptureDevice.Open(options));
                }
                catch (NativeLibraryUnavailableException e) { fallback = e.Message; }
                catch (AudioDeviceException e) { fallback = e.Message; }
            }
            // The native core's device names are OpenAL's; on a fallback the choice holds where Unity knows it too.
            bool known = fallback == null || Array.IndexOf(UnityEngine.Microphone.devices, microphone) >= 0;
            var clip = UnityMicrophoneClip.Start(known ? microphone : "");
            return new AgentCapture(clip, new ClipCapture(clip), fallback);
        }

        /// <summary>Main thread, each frame: moves what Unity's Microphone recorded into the pump's ring.</summary>
        public void Poll()
        {
            _clipCapture?.Poll();
            _reopener?.Poll();
        }

        /// <summary>Times a lost native microphone came back (reopened on a worker every 2 s while it is lost).</summary>
        public int Reopened => _reopener?.Recovered ?? 0;

        /// <summary>Whether Unity's Microphone stopped recording under us (unplugged); always false for native capture.</summary>
        public bool MicrophoneLost => _clip != null && !_clip.IsRecording;

        /// <summary>
        /// Main thread, after the host stopped: ends Unity's Microphone recording. The capture itself belongs to the
        /// host's device, which the host disposes once its pump has stopped (which may be after Stop timed out).
        /// </summary>
        public void EndRecording() => _clip?.Dispose();

        /// <summary>Everything, when no host took the capture over (starting failed before it).</summary>
        public void Dispose()
        {
            _silence?.Dispose();
            try { _native?.Dispose(); }
            finally
            {
                try { _clipCapture?.Dispose(); }
                finally { _clip?.Dispose(); }
            }
        }
    }
}
