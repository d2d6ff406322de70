using System.Collections;
using System.Collections.Generic;
using NUnit.Framework;
using UnityEngine;
using UnityEngine.TestTools;
using VoiceNpc.Conversation;
using VoiceNpc.Hosting;

namespace VoiceNpc.Unity.Tests
{
    /// <summary>
    /// The agent in play mode on the offline providers, without a microphone. Unity Test Framework tests: they run in
    /// Unity (Test Runner, PlayMode); here they are only compiled against the API stand-in.
    /// </summary>
    public class VoiceNpcAgentPlayModeTests
    {
        private const double StartSeconds = 60;   // PocketSphinx builds Brenna's language model at the first start
        private VoiceNpcAgent? _agent;

        [TearDown]
        public void DestroyAgent() => TestScene.Destroy(_agent!);

        [UnityTest]
        public IEnumerator SayPlaysTheLineThroughTheAudioSourcesFilterWordByWord()
        {
            _agent = TestScene.Agent("Brenna", startOnEnable: true);
            var words = new List<string>();
            NpcLineEnded? ended = null;
            _agent.WordHeard += w => words.Add(w.Word);
            _agent.LineEnded += e => ended = e;
            _agent.gameObject.SetActive(true);
            yield return TestScene.Until(() => _agent.State == HostState.Running, StartSeconds, "the conversation runs");

            _agent.Say("Well met, traveller.");
            // Words are announced when OnAudioFilterRead has rendered them: they arrive only if the filter plays the voice.
            yield return TestScene.Until(() => ended != null, 30, "the line ends");
            Assert.That(ended!.Interrupted, Is.False);
            Assert.That(string.Join(" ", words), Is.EqualTo("well met traveller"), "Flite's words, in order");
            Assert.That(_agent.GetComponent<AudioSource>().isPlaying, Is.True, "the carrier clip plays while the conversation runs");
        }

        [UnityTest]
        public IEnumerator InterruptEndsTheLineAsHeardSoFar()
        {
            _agent = TestScene.Agent("Brenna", startOnEnable: true);
            NpcLineEnded? ended = null;
            int words = 0;
            _agent.WordHeard += _ => words++;
            _agent.LineEnded += e => ended = e;
            _agent.gameObject.SetActive(true);
            yield return TestScene.Until(() => _agent.State == HostState.Running, StartSeconds, "the conversation runs");

            _agent.Say("I forge swords, axes, horseshoes and nails, and I mend whatever the road has broken.");
            yield return TestScene.Until(() => words >= 2, 30, "two words are heard");
            _agent.Interrupt();
            yield return TestScene.Until(() => ended != null, 5, "the interrupted line ends");
            Assert.That(ended!.Interrupted, Is.True);
            Assert.That(ended.HeardText.Length, Is.LessThan(ended.FullText.Length));
        }

        [UnityTest]
        public IEnumerator EnablingAndDisablingTwiceStartsAndReleasesTheConversationEachTime()
        {
            _agent = TestScene.Agent("Brenna", startOnEnable: true);
            for (int round = 1; round <= 2; round++)
            {
                _agent.gameObject.SetActive(true);
                yield return TestScene.Until(() => _agent.State == HostState.Running, StartSeconds, $"round {round}: the conversation runs");
                var host = _agent.Host!;
                _agent.gameObject.SetActive(false);
                Assert.That(host.State, Is.EqualTo(HostState.Stopped), $"round {round}: OnDisable stops the host synchronously");
                Assert.That(_agent.Host, Is.Null);
                Assert.That(_agent.GetComponent<AudioSource>().isPlaying, Is.False);
            }
        }

        [UnityTest]
        public IEnumerator LipSyncWeightsMoveWhileTheNpcSpeaksAndCloseAfter()
        {
            _agent = TestScene.Agent("Brenna", startOnEnable: true);
            var face = FaceWithOneBlendShape(_agent.gameObject);
            var lips = _agent.gameObject.AddComponent<VoiceNpcLipSync>();
            lips.face = face;
            lips.mapping = OpenForEveryViseme();
            bool ended = false;
            _agent.LineEnded += _ => ended = true;
            _agent.gameObject.SetActive(true);
            yield return TestScene.Until(() => _agent.State == HostState.Running, StartSeconds, "the conversation runs");

            _agent.Say("Aye, the forge is hot today.");
            yield return TestScene.Until(() => face.GetBlendShapeWeight(0) > 20, 30, "the mouth opens");
            yield return TestScene.Until(() => ended, 30, "the line ends");
            yield return TestScene.Until(() => face.GetBlendShapeWeight(0) < 1, 2, "the mouth closes after the line");
        }

        private static SkinnedMeshRenderer FaceWithOneBlendShape(GameObject on)
        {
            var mesh = new Mesh { vertices = new[] { new Vector3(0, 0, 0), new Vector3(1, 0, 0), new Vector3(0, 1, 0) } };
            mesh.AddBlendShapeFrame("jawOpen", 100, new[] { new Vector3(0, -1, 0), new Vector3(0, -1, 0), new Vector3(0, 0, 0) }, null, null);
            var face = on.AddComponent<SkinnedMeshRenderer>();
            face.sharedMesh = mesh;
            return face;
        }

        private static VoiceNpcVisemeMapping OpenForEveryViseme()
        {
            var mapping = ScriptableObject.CreateInstance<VoiceNpcVisemeMapping>();
            foreach (Viseme viseme in System.Enum.GetValues(typeof(Viseme)))
                if (viseme != Viseme.Silence)
                    mapping.entries.Add(new VoiceNpcVisemeMapping.Entry { viseme = viseme, blendShape = "jawOpen", weight = 100 });
            return mapping;
        }
    }
}
