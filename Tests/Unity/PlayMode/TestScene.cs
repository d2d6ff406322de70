using System;
using System.Collections;
using System.IO;
using System.Runtime.CompilerServices;
using NUnit.Framework;
using UnityEngine;
using Object = UnityEngine.Object;

namespace VoiceNpc.Unity.Tests
{
    /// <summary>
    /// What the Unity tests share: Brenna (the Blacksmith sample's character) as an asset, an agent on the embedded
    /// providers without a microphone, and waiting for a condition with a deadline that fails the test naming it.
    /// </summary>
    public static class TestScene
    {
        /// <summary>Unity compiles the package in place: the sample lies beside the tests' own source.</summary>
        public static VoiceNpcCharacter Brenna([CallerFilePath] string here = "")
        {
            string file = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(here)!, "..", "..", "..", "Samples~", "Blacksmith",
                "brenna.character.json"));
            var asset = ScriptableObject.CreateInstance<VoiceNpcCharacter>();
            asset.characterFile = new TextAsset(File.ReadAllText(file)) { name = "brenna.character" };
            asset.name = "Brenna";
            return asset;
        }

        /// <summary>An inactive GameObject with an agent set up for tests: Brenna, embedded providers, no microphone.</summary>
        public static VoiceNpcAgent Agent(string name, bool startOnEnable)
        {
            var npc = new GameObject(name);
            npc.SetActive(false);
            var agent = npc.AddComponent<VoiceNpcAgent>();
            agent.character = Brenna();
            agent.capture = CaptureSource.None;
            agent.cloudProviders = false;
            agent.playerId = "unity-test-" + Guid.NewGuid().ToString("N");
            agent.memoryFolder = Path.Combine(Application.temporaryCachePath, "voicenpc-tests", "memory");
            agent.startOnEnable = startOnEnable;
            return agent;
        }

        /// <summary>Yields frames until <paramref name="condition"/> holds; fails naming it after <paramref name="seconds"/> of real time.</summary>
        public static IEnumerator Until(Func<bool> condition, double seconds, string what)
        {
            float deadline = Time.realtimeSinceStartup + (float)seconds;
            while (!condition())
            {
                if (Time.realtimeSinceStartup > deadline) Assert.Fail($"not within {seconds} s: {what}");
                yield return null;
            }
        }

        public static void Destroy(Component component)
        {
            if (component != null) Object.Destroy(component.gameObject);
        }
    }
}
