using UnityEngine;

namespace VoiceNpc.Unity
{
    /// <summary>
    /// The clip the agent's AudioSource loops: one second of 1.0 at the output rate. The NPC's voice is multiplied into
    /// it in OnAudioFilterRead, so what leaves the filter is the voice, and Unity applies the source's 3D panning and
    /// attenuation, its AudioMixer group, pausing and volume after it, as for any clip.
    /// </summary>
    internal static class CarrierClip
    {
        public static AudioClip Create(int sampleRate)
        {
            var clip = AudioClip.Create("VoiceNpc voice", sampleRate, 1, sampleRate, false);
            var ones = new float[sampleRate];
            for (int i = 0; i < ones.Length; i++) ones[i] = 1f;
            clip.SetData(ones, 0);
            clip.hideFlags = HideFlags.DontSave;
            return clip;
        }
    }
}
