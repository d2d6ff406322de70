namespace UnityEngine
{
    // Modules/Audio/Public/ScriptBindings/Audio.bindings.cs (AudioModule)
    public sealed class AudioClip : Object
    {
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
        public void PlayOneShot(AudioClip clip) => throw UnityStandIn.CompileOnly.Call();
    }
}
