using UnityEngine;
using VoiceNpc.Conversation;
using VoiceNpc.Unity;

namespace VoiceNpc.Samples
{
    /// <summary>
    /// Brenna's body: a capsule, and a mouth that is a SkinnedMeshRenderer over a generated quad with one blend shape
    /// ("open") that the lip-sync drives, since a primitive has no blend shapes.
    /// </summary>
    internal static class BlacksmithFigure
    {
        public static void Build(GameObject npc, VoiceNpcAgent agent)
        {
            var body = GameObject.CreatePrimitive(PrimitiveType.Capsule);
            body.transform.SetParent(npc.transform, false);
            var skin = body.GetComponent<MeshRenderer>().sharedMaterial;

            var mouth = new GameObject("Mouth");
            mouth.transform.SetParent(npc.transform, false);
            mouth.transform.localPosition = new Vector3(0, 0.55f, 0.51f);   // on the capsule's face (+z), toward the player
            var face = mouth.AddComponent<SkinnedMeshRenderer>();
            face.sharedMesh = MouthMesh();
            face.sharedMaterial = new Material(skin) { color = new Color(0.25f, 0.05f, 0.05f, 1) };

            var lips = npc.AddComponent<VoiceNpcLipSync>();
            lips.agent = agent;
            lips.face = face;
            lips.mapping = Mapping();
        }

        /// <summary>A thin quad whose "open" blend shape drops its lower edge.</summary>
        private static Mesh MouthMesh()
        {
            var mesh = new Mesh
            {
                name = "Mouth",
                vertices = new[] { new Vector3(-0.15f, 0, 0), new Vector3(0.15f, 0, 0), new Vector3(-0.15f, 0.03f, 0), new Vector3(0.15f, 0.03f, 0) },
                triangles = new[] { 0, 2, 1, 2, 3, 1, 0, 1, 2, 2, 1, 3 },   // both sides, so it shows whichever way it faces
            };
            var open = new[] { new Vector3(0, -0.12f, 0), new Vector3(0, -0.12f, 0), new Vector3(0, 0, 0), new Vector3(0, 0, 0) };
            mesh.AddBlendShapeFrame("open", 100, open, null, null);
            mesh.RecalculateNormals();
            mesh.RecalculateBounds();
            return mesh;
        }

        /// <summary>How far each mouth shape opens the one blend shape: wide for vowels, shut for m/b/p.</summary>
        private static VoiceNpcVisemeMapping Mapping()
        {
            var mapping = ScriptableObject.CreateInstance<VoiceNpcVisemeMapping>();
            void Open(Viseme viseme, float weight) =>
                mapping.entries.Add(new VoiceNpcVisemeMapping.Entry { viseme = viseme, blendShape = "open", weight = weight });
            Open(Viseme.AI, 100);
            Open(Viseme.E, 70);
            Open(Viseme.O, 85);
            Open(Viseme.U, 50);
            Open(Viseme.L, 45);
            Open(Viseme.WQ, 40);
            Open(Viseme.FV, 20);
            Open(Viseme.Etc, 35);
            Open(Viseme.MBP, 0);
            return mapping;
        }
    }
}
