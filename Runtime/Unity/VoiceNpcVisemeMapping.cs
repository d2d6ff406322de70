using System;
using System.Collections.Generic;
using UnityEngine;
using VoiceNpc.Conversation;
using VoiceNpc.Presentation;

namespace VoiceNpc.Unity
{
    /// <summary>
    /// Which blend shapes each mouth shape opens, and how fast they move: an asset shared by every character rigged
    /// alike. A blend shape is named (looked up on the mesh) or given by index; weights are Unity's 0..100.
    /// </summary>
    [CreateAssetMenu(menuName = "VoiceNpc/Viseme Mapping", fileName = "VisemeMapping")]
    public sealed class VoiceNpcVisemeMapping : ScriptableObject
    {
        [Serializable]
        public sealed class Entry
        {
            public Viseme viseme = Viseme.AI;

            [Tooltip("The blend shape's name on the mesh; empty: use the index")]
            public string blendShape = "";

            [Tooltip("The blend shape's index on the mesh, used when the name is empty")]
            public int blendShapeIndex = -1;

            [Range(0, 100)] public float weight = 100;
        }

        [Serializable]
        public sealed class Timing
        {
            [Tooltip("The blend shape (name, or index when the name is empty) these times apply to")]
            public string blendShape = "";
            public int blendShapeIndex = -1;

            [Tooltip("Time constant while the blend shape opens, seconds")]
            [Range(0, 1)] public float attackSeconds = 0.03f;

            [Tooltip("Time constant while it closes, seconds")]
            [Range(0, 1)] public float releaseSeconds = 0.08f;
        }

        public List<Entry> entries = new List<Entry>();

        [Tooltip("Per blend shape attack and release; those not listed use the defaults below")]
        public List<Timing> timings = new List<Timing>();

        [Range(0, 1)] public float defaultAttackSeconds = 0.03f;
        [Range(0, 1)] public float defaultReleaseSeconds = 0.08f;

        /// <summary>
        /// The smoother for a mesh: one channel per distinct blend shape the entries name, resolved on
        /// <paramref name="mesh"/>. An entry whose blend shape the mesh lacks is skipped and named in <paramref name="missing"/>.
        /// </summary>
        public VisemeWeights Build(Mesh mesh, List<int> blendShapeOfChannel, List<string> missing)
        {
            blendShapeOfChannel.Clear();
            missing.Clear();
            var targets = new List<VisemeTarget>();
            var timingOf = new List<BlendShapeTiming>();
            foreach (var entry in entries)
            {
                int index = Resolve(mesh, entry.blendShape, entry.blendShapeIndex);
                if (index < 0)
                {
                    missing.Add(entry.blendShape.Length > 0 ? entry.blendShape : "#" + entry.blendShapeIndex);
                    continue;
                }
                int channel = blendShapeOfChannel.IndexOf(index);
                if (channel < 0)
                {
                    channel = blendShapeOfChannel.Count;
                    blendShapeOfChannel.Add(index);
                    timingOf.Add(TimingFor(mesh, index));
                }
                targets.Add(new VisemeTarget(entry.viseme, channel, entry.weight));
            }
            return new VisemeWeights(timingOf, targets);
        }

        private BlendShapeTiming TimingFor(Mesh mesh, int index)
        {
            foreach (var timing in timings)
                if (Resolve(mesh, timing.blendShape, timing.blendShapeIndex) == index)
                    return new BlendShapeTiming(timing.attackSeconds, timing.releaseSeconds);
            return new BlendShapeTiming(defaultAttackSeconds, defaultReleaseSeconds);
        }

        private static int Resolve(Mesh mesh, string name, int index)
        {
            if (name.Length > 0) return mesh.GetBlendShapeIndex(name);
            return index >= 0 && index < mesh.blendShapeCount ? index : -1;
        }
    }
}
