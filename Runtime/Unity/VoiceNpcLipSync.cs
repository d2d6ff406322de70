using System.Collections.Generic;
using UnityEngine;
using VoiceNpc.Conversation;
using VoiceNpc.Presentation;

namespace VoiceNpc.Unity
{
    /// <summary>
    /// Lip-sync: the agent's visemes (raised as the speakers reach each phone) drive blend shapes of a
    /// SkinnedMeshRenderer through a <see cref="VoiceNpcVisemeMapping"/>, smoothed with each blend shape's attack and
    /// release (<see cref="VisemeWeights"/>). The mouth closes when a line ends or is interrupted.
    /// </summary>
    [AddComponentMenu("VoiceNpc/Lip Sync")]
    public sealed class VoiceNpcLipSync : MonoBehaviour
    {
        [Tooltip("The agent whose voice moves the mouth; empty: the one on this GameObject or its parents")]
        public VoiceNpcAgent? agent;

        public SkinnedMeshRenderer? face;
        public VoiceNpcVisemeMapping? mapping;

        private readonly List<int> _blendShapes = new List<int>();
        private readonly List<string> _missing = new List<string>();
        private VisemeWeights? _weights;
        private VoiceNpcAgent? _subscribed;

        /// <summary>The smoother in use (null until a face and a mapping are set): its weights are what is shown.</summary>
        public VisemeWeights? Weights => _weights;

        /// <summary>Builds the channels again, after changing the face or the mapping at run time.</summary>
        public void Rebuild()
        {
            _weights = null;
            if (face == null || mapping == null || face.sharedMesh == null) return;
            _weights = mapping.Build(face.sharedMesh, _blendShapes, _missing);
            if (_missing.Count > 0)
                Debug.LogWarning($"VoiceNpc lip-sync: {face.sharedMesh.name} has no blend shape {string.Join(", ", _missing)} " +
                    $"(mapping {mapping.name})", this);
        }

        private void OnEnable()
        {
            if (agent == null) agent = GetComponentInParent<VoiceNpcAgent>();
            Rebuild();
            if (agent == null) return;
            _subscribed = agent;
            agent.VisemeShown += OnViseme;
            agent.LineEnded += OnLineEnded;
        }

        private void OnDisable()
        {
            if (_subscribed != null)
            {
                _subscribed.VisemeShown -= OnViseme;
                _subscribed.LineEnded -= OnLineEnded;
                _subscribed = null;
            }
            _weights?.Reset();
            Apply();
        }

        private void OnViseme(VisemeChanged e) => _weights?.Show(e.Viseme, e.Duration);

        private void OnLineEnded(NpcLineEnded e) => _weights?.Silence();

        private void LateUpdate()
        {
            if (_weights == null) return;
            _weights.Advance(Time.unscaledDeltaTime);   // the voice plays on while the game's time scale is 0
            Apply();
        }

        private void Apply()
        {
            if (_weights == null || face == null) return;
            var weights = _weights.Weights;
            for (int channel = 0; channel < weights.Count; channel++) face.SetBlendShapeWeight(_blendShapes[channel], weights[channel]);
        }
    }
}
