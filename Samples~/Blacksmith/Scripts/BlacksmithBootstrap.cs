using UnityEngine;
using VoiceNpc.Conversation;
using VoiceNpc.Unity;

namespace VoiceNpc.Samples
{
    /// <summary>
    /// Talk to Brenna in an empty scene: add this component to any GameObject and press Play. It builds the NPC from
    /// code (a capsule with a mouth that lip-syncs, her voice on a 3D AudioSource, the agent on the offline providers,
    /// subtitles on a generated Canvas) and taps the AudioListener for echo cancellation. Type to her in the box at
    /// the bottom if you have no microphone.
    /// </summary>
    [AddComponentMenu("VoiceNpc/Samples/Blacksmith Bootstrap")]
    public sealed class BlacksmithBootstrap : MonoBehaviour
    {
        [Tooltip("brenna.character.json (filled in when the component is added)")]
        public TextAsset? characterFile;

        [Tooltip("How far in front of the AudioListener (the camera) she stands, in metres")]
        public float distance = 3;

        public CaptureSource capture = CaptureSource.NativeWithEchoCancellation;

        private VoiceNpcAgent? _agent;
        private VoiceNpcSubtitles? _subtitles;
        private string _typed = "";

        private void Start()
        {
            if (characterFile == null)
            {
                Debug.LogError("Blacksmith sample: set Character File to brenna.character.json (beside this script's folder)", this);
                return;
            }
            var listener = TapTheListener();
            var npc = new GameObject("Brenna");
            npc.SetActive(false);   // configured before the agent's OnEnable starts the conversation
            npc.transform.position = listener.position + listener.forward * distance;
            npc.transform.LookAt(listener.position);   // her face (+z) toward the player
            var source = npc.AddComponent<AudioSource>();
            source.playOnAwake = false;
            source.spatialBlend = 1;   // her voice comes from where she stands
            _agent = npc.AddComponent<VoiceNpcAgent>();
            _agent.character = Character(characterFile);
            _agent.capture = capture;
            _agent.cloudProviders = false;
            BlacksmithFigure.Build(npc, _agent);
            _subtitles = BlacksmithCanvas.Build(_agent);
            npc.SetActive(true);
            _agent.HostStateChanged += state => Debug.Log($"Brenna: {state} ({_agent.CaptureDescription})", this);
        }

        private static VoiceNpcCharacter Character(TextAsset file)
        {
            var character = ScriptableObject.CreateInstance<VoiceNpcCharacter>();
            character.name = "Brenna";
            character.characterFile = file;
            return character;
        }

        /// <summary>The listener's mix is the best echo reference: everything the game plays, music included.</summary>
        private static Transform TapTheListener()
        {
            var listener = Object.FindAnyObjectByType<AudioListener>();
            if (listener == null) listener = new GameObject("Listener").AddComponent<AudioListener>();
            if (listener.GetComponent<VoiceNpcEchoReference>() == null) listener.gameObject.AddComponent<VoiceNpcEchoReference>();
            return listener.transform;
        }

        private void OnGUI()
        {
            if (_agent == null) return;
            var box = new Rect(10, 10, 520, 24);
            GUI.Label(box, $"Brenna: {_agent.State} · {_agent.TurnState} · {_agent.CaptureDescription}");
            if (_agent.FailureReason != null) GUI.Label(new Rect(10, 34, 900, 24), _agent.FailureReason);
#if !VOICENPC_UGUI
            if (_subtitles != null) GUI.Label(new Rect(10, 60, 900, 48), $"{_subtitles.NpcLine}\n{_subtitles.PlayerLine}");
#endif
            _typed = GUI.TextField(new Rect(10, 112, 400, 24), _typed);
            if (GUI.Button(new Rect(416, 112, 114, 24), "Say to Brenna") && _typed.Trim().Length > 0 && _agent.State == Hosting.HostState.Running)
            {
                _agent.SendText(_typed.Trim());
                _typed = "";
            }
        }

#if UNITY_EDITOR
        /// <summary>When the component is added in the editor: the character file beside this sample's Scripts folder.</summary>
        private void Reset()
        {
            string script = UnityEditor.AssetDatabase.GetAssetPath(UnityEditor.MonoScript.FromMonoBehaviour(this));
            string folder = System.IO.Path.GetDirectoryName(System.IO.Path.GetDirectoryName(script))!.Replace('\\', '/');
            characterFile = UnityEditor.AssetDatabase.LoadAssetAtPath<TextAsset>(folder + "/brenna.character.json");
        }
#endif
    }
}
