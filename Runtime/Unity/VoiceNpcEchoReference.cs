using System.Threading;
using UnityEngine;
using VoiceNpc.Audio;

namespace VoiceNpc.Unity
{
    /// <summary>
    /// Put on the AudioListener's GameObject (after every other filter there): its OnAudioFilterRead hands the
    /// listener's mix, everything the game plays and so everything the microphone can pick up from the speakers, to
    /// the echo canceller of the agent that captures with the native core. Without it an agent feeds only its own voice
    /// as the reference, so music and other sounds are not cancelled. On Unity's audio thread it only copies into the
    /// canceller's lock-free reference ring: nothing allocates and nothing locks.
    /// </summary>
    [RequireComponent(typeof(AudioListener))]
    [DisallowMultipleComponent]
    [AddComponentMenu("VoiceNpc/Echo Reference (on the Audio Listener)")]
    public sealed class VoiceNpcEchoReference : MonoBehaviour
    {
        private static VoiceNpcEchoReference? _active;
        private IEchoReference? _target;

        /// <summary>The enabled tap, if any: an agent that opens native capture attaches its reference here.</summary>
        public static VoiceNpcEchoReference? Active => _active;

        /// <summary>Whether an agent's canceller takes this listener's mix now.</summary>
        public bool IsAttached => Volatile.Read(ref _target) != null;

        /// <summary>Main thread: makes <paramref name="reference"/> (null: none) receive the listener's mix.</summary>
        public void Attach(IEchoReference? reference) => Volatile.Write(ref _target, reference);

        /// <summary>Detaches <paramref name="reference"/> if it is the one attached.</summary>
        public void Detach(IEchoReference reference) => Interlocked.CompareExchange(ref _target, null, reference);

        private void OnEnable()
        {
            if (_active != null && _active != this)
                Debug.LogWarning("VoiceNpc: more than one VoiceNpcEchoReference is enabled; the newest taps its listener", this);
            _active = this;
        }

        private void OnDisable()
        {
            if (_active == this) _active = null;
            Volatile.Write(ref _target, null);
        }

        /// <summary>Unity's audio thread: the listener's mix, interleaved, at AudioSettings.outputSampleRate.</summary>
        private void OnAudioFilterRead(float[] data, int channels) => Volatile.Read(ref _target)?.Write(data, channels);

        /// <summary>Statics survive "Enter Play Mode" without a domain reload: start every play session without a tap.</summary>
        [RuntimeInitializeOnLoadMethod(RuntimeInitializeLoadType.SubsystemRegistration)]
        private static void ResetStatics() => _active = null;
    }
}
