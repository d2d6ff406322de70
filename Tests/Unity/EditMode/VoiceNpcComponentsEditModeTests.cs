using System.Collections.Generic;
using System.Text.RegularExpressions;
using NUnit.Framework;
using UnityEngine;
using UnityEngine.TestTools;
using VoiceNpc.Conversation;
using VoiceNpc.Hosting;
using Object = UnityEngine.Object;

namespace VoiceNpc.Unity.Tests
{
    /// <summary>
    /// The components as a scene author meets them, in edit mode. Unity Test Framework tests: they run in Unity (Test
    /// Runner, EditMode); here they are only compiled against the API stand-in.
    /// </summary>
    public class VoiceNpcComponentsEditModeTests
    {
        private readonly List<Object> _made = new List<Object>();

        [TearDown]
        public void DestroyWhatWasMade()
        {
            foreach (var made in _made) Object.DestroyImmediate(made);
            _made.Clear();
        }

        [Test]
        public void AddingTheAgentAddsTheAudioSourceItPlaysThrough()
        {
            var npc = Made(new GameObject("npc"));
            npc.AddComponent<VoiceNpcAgent>();
            Assert.That(npc.GetComponent<AudioSource>(), Is.Not.Null);
        }

        [Test]
        public void TheEchoReferenceBringsItsAudioListener()
        {
            var listener = Made(new GameObject("listener"));
            listener.AddComponent<VoiceNpcEchoReference>();
            Assert.That(listener.GetComponent<AudioListener>(), Is.Not.Null);
        }

        [Test]
        public void StartingWithoutACharacterFailsNamingTheField()
        {
            var npc = Made(new GameObject("npc"));
            var agent = npc.AddComponent<VoiceNpcAgent>();
            HostState? reported = null;
            agent.HostStateChanged += s => reported = s;
            LogAssert.Expect(LogType.Error, new Regex("has no character: set its Character field"));
            agent.StartConversation();
            Assert.That(agent.State, Is.EqualTo(HostState.Failed));
            Assert.That(reported, Is.EqualTo(HostState.Failed));
            Assert.That(agent.FailureReason, Does.Contain("Character field"));
        }

        [Test]
        public void TheVisemeMappingResolvesBlendShapesByNameOrIndexAndNamesWhatIsMissing()
        {
            var mesh = Made(new Mesh { vertices = new[] { new Vector3(0, 0, 0), new Vector3(1, 0, 0), new Vector3(0, 1, 0) } });
            var none = new Vector3[3];
            mesh.AddBlendShapeFrame("jawOpen", 100, none, null, null);
            mesh.AddBlendShapeFrame("lipsTogether", 100, none, null, null);
            var mapping = Made(ScriptableObject.CreateInstance<VoiceNpcVisemeMapping>());
            mapping.entries.Add(new VoiceNpcVisemeMapping.Entry { viseme = Viseme.AI, blendShape = "jawOpen", weight = 80 });
            mapping.entries.Add(new VoiceNpcVisemeMapping.Entry { viseme = Viseme.MBP, blendShapeIndex = 1, weight = 100 });
            mapping.entries.Add(new VoiceNpcVisemeMapping.Entry { viseme = Viseme.O, blendShape = "jawOpen", weight = 60 });
            mapping.entries.Add(new VoiceNpcVisemeMapping.Entry { viseme = Viseme.FV, blendShape = "lowerLipBite", weight = 100 });

            var channels = new List<int>();
            var missing = new List<string>();
            var weights = mapping.Build(mesh, channels, missing);
            Assert.That(channels, Is.EqualTo(new[] { 0, 1 }), "one channel per blend shape, in first-use order");
            Assert.That(missing, Is.EqualTo(new[] { "lowerLipBite" }));
            weights.Show(Viseme.MBP, System.TimeSpan.FromSeconds(1));
            weights.Advance(1);
            Assert.That(weights.Weights[1], Is.EqualTo(100).Within(0.01));
        }

        private T Made<T>(T thing) where T : Object
        {
            _made.Add(thing);
            return thing;
        }
    }
}
