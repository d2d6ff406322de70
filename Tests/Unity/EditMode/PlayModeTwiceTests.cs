using System.Collections;
using NUnit.Framework;
using UnityEditor;
using UnityEngine;
using UnityEngine.TestTools;
using VoiceNpc.Hosting;

namespace VoiceNpc.Unity.Tests
{
    /// <summary>
    /// Entering play mode twice in a row with "Enter Play Mode Options" on and the domain reload off: statics survive,
    /// so the second session must start as cleanly as the first and leaving play mode must release everything. Runs in
    /// Unity only (EditMode Test Runner); compiled here against the stand-in.
    /// </summary>
    public class PlayModeTwiceTests
    {
        private bool _optionsEnabled;
        private EnterPlayModeOptions _options;

        [SetUp]
        public void TurnDomainReloadOff()
        {
            (_optionsEnabled, _options) = (EditorSettings.enterPlayModeOptionsEnabled, EditorSettings.enterPlayModeOptions);
            EditorSettings.enterPlayModeOptionsEnabled = true;
            EditorSettings.enterPlayModeOptions = EnterPlayModeOptions.DisableDomainReload;
        }

        [TearDown]
        public void RestoreOptions()
        {
            EditorSettings.enterPlayModeOptionsEnabled = _optionsEnabled;
            EditorSettings.enterPlayModeOptions = _options;
        }

        [UnityTest]
        public IEnumerator TheAgentRunsInEachOfTwoPlaySessionsAndStopsWhenEachEnds()
        {
            for (int session = 1; session <= 2; session++)
            {
                yield return new EnterPlayMode(false);
                Assert.That(VoiceNpcEchoReference.Active, Is.Null, $"session {session} starts without a tap from the last one");
                var agent = TestScene.Agent("Brenna", startOnEnable: true);
                agent.gameObject.SetActive(true);
                yield return TestScene.Until(() => agent.State == HostState.Running, 60, $"session {session}: the conversation runs");
                var host = agent.Host!;
                yield return new ExitPlayMode();
                Assert.That(host.State, Is.EqualTo(HostState.Stopped), $"session {session}: leaving play mode stops the host");
            }
        }
    }
}
