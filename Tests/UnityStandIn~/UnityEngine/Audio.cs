namespace UnityEngine
{
    // Modules/Audio/Public/ScriptBindings/Audio.bindings.cs (AudioModule)
    public sealed class AudioClip : Object
    {
        public int samples => throw UnityStandIn.CompileOnly.Call();
        public int channels => throw UnityStandIn.CompileOnly.Call();
        public int frequency => throw UnityStandIn.CompileOnly.Call();
        public bool GetData(float[] data, int offsetSamples) => throw UnityStandIn.CompileOnly.Call();
        public bool SetData(float[] data, int offsetSamples) => throw UnityStandIn.CompileOnly.Call();

        public static AudioClip Create(string name, int lengthSamples, int channels, int frequency, bool stream) =>
            throw UnityStandIn.CompileOnly.Call();
    }

    // Modules/Audio/Public/ScriptBindings/Audio.bindings.cs
    public class AudioBehaviour : Behaviour
    {
    }

    // Modules/Audio/Public/ScriptBindings/Audio.bindings.cs
    public sealed partial class AudioSource : AudioBehaviour
    {
        public AudioClip clip { get => throw UnityStandIn.CompileOnly.Call(); set => throw UnityStandIn.CompileOnly.Call(); }
        public bool loop { get => throw UnityStandIn.CompileOnly.Call(); set => throw UnityStandIn.CompileOnly.Call(); }
        public bool playOnAwake { get => throw UnityStandIn.CompileOnly.Call(); set => throw UnityStandIn.CompileOnly.Call(); }
        public float spatialBlend { get => throw UnityStandIn.CompileOnly.Call(); set => throw UnityStandIn.CompileOnly.Call(); }
        public bool isPlaying => throw UnityStandIn.CompileOnly.Call();
        public bool bypassEffects { get => throw UnityStandIn.CompileOnly.Call(); set => throw UnityStandIn.CompileOnly.Call(); }
        public bool ignoreListenerPause { get => throw UnityStandIn.CompileOnly.Call(); set => throw UnityStandIn.CompileOnly.Call(); }
        public void Play() => throw UnityStandIn.CompileOnly.Call();
        public void Stop() => throw UnityStandIn.CompileOnly.Call();
        public void PlayOneShot(AudioClip clip) => throw UnityStandIn.CompileOnly.Call();
    }

    // Modules/Audio/Public/ScriptBindings/Audio.bindings.cs
    public sealed class AudioListener : AudioBehaviour
    {
        public static bool pause { get => throw UnityStandIn.CompileOnly.Call(); set => throw UnityStandIn.CompileOnly.Call(); }
    }

    // Modules/Audio/Public/ScriptBindings/Audio.bindings.cs
    public sealed partial class AudioSettings
    {
        public delegate void AudioConfigurationChangeHandler(bool deviceWasChanged);

        public static event AudioConfigurationChangeHandler OnAudioConfigurationChanged
        {
            add => throw UnityStandIn.CompileOnly.Call();
            remove => throw UnityStandIn.CompileOnly.Call();
        }

        // Its setter is obsolete ("use AudioSettings.Reset"); only the getter is used.
        public static int outputSampleRate => throw UnityStandIn.CompileOnly.Call();

        public static void GetDSPBufferSize(out int bufferLength, out int numBuffers) => throw UnityStandIn.CompileOnly.Call();
    }

    // Modules/Audio/Public/ScriptBindings/Audio.bindings.cs (Microphone)
    public sealed class Microphone
    {
        public static string[] devices => throw UnityStandIn.CompileOnly.Call();
        public static AudioClip Start(string deviceName, bool loop, int lengthSec, int frequency) => throw UnityStandIn.CompileOnly.Call();
        public static void End(string deviceName) => throw UnityStandIn.CompileOnly.Call();
        public static bool IsRecording(string deviceName) => throw UnityStandIn.CompileOnly.Call();
        public static int GetPosition(string deviceName) => throw UnityStandIn.CompileOnly.Call();
        public static void GetDeviceCaps(string deviceName, out int minFreq, out int maxFreq) => throw UnityStandIn.CompileOnly.Call();
    }
}
