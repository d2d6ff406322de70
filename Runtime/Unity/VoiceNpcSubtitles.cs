using UnityEngine;
using UnityEngine.Events;
using VoiceNpc.Conversation;
using VoiceNpc.Presentation;

namespace VoiceNpc.Unity
{
    /// <summary>
    /// Subtitles: the NPC's line word by word as the player hears it (<see cref="NpcSubtitle"/>) and the player's
    /// transcript (<see cref="PlayerTranscript"/>), written to UI Text fields (uGUI), TextMeshPro fields (when the
    /// project has TextMeshPro: com.unity.textmeshpro in 2022.3, part of com.unity.ugui 2.0 from Unity 2023.2), and
    /// raised as UnityEvents for any other UI.
    /// </summary>
    [AddComponentMenu("VoiceNpc/Subtitles")]
    public sealed class VoiceNpcSubtitles : MonoBehaviour
    {
        [Tooltip("The agent whose lines are shown; empty: the one on this GameObject or its parents")]
        public VoiceNpcAgent? agent;

#if VOICENPC_UGUI
        [Header("uGUI")]
        public UnityEngine.UI.Text? npcText;
        public UnityEngine.UI.Text? playerText;
#endif
#if VOICENPC_TMP
        [Header("TextMeshPro")]
        public TMPro.TMP_Text? npcTextMeshPro;
        public TMPro.TMP_Text? playerTextMeshPro;
#endif

        [Header("Text")]
        [Tooltip("Put before the player's transcript")]
        public string playerPrefix = "You: ";

        [Tooltip("Ends a line the player interrupted")]
        public string interruptedMark = "—";

        [Tooltip("Seconds a finished line stays up")]
        [Min(0)] public float npcLingerSeconds = 2.5f;
        [Min(0)] public float playerLingerSeconds = 4f;

        [Header("Events (for other UI)")]
        public UnityEvent<string> npcLineChanged = new UnityEvent<string>();
        public UnityEvent<string> playerLineChanged = new UnityEvent<string>();

        private NpcSubtitle? _npc;
        private PlayerTranscript? _player;
        private VoiceNpcAgent? _subscribed;

        /// <summary>The NPC line shown now.</summary>
        public string NpcLine => _npc?.Text ?? "";

        /// <summary>The player's line shown now, without the prefix.</summary>
        public string PlayerLine => _player?.Text ?? "";

        private void OnEnable()
        {
            _npc = new NpcSubtitle(npcLingerSeconds, interruptedMark);
            _player = new PlayerTranscript(playerLingerSeconds);
            _npc.Changed += ShowNpc;
            _player.Changed += ShowPlayer;
            if (agent == null) agent = GetComponentInParent<VoiceNpcAgent>();
            if (agent == null) return;
            _subscribed = agent;
            agent.EventRaised += OnEvent;
        }

        private void OnDisable()
        {
            if (_subscribed != null) _subscribed.EventRaised -= OnEvent;
            _subscribed = null;
            _npc?.Clear();
            ShowPlayer("", false);
        }

        private void OnEvent(ConversationEvent e)
        {
            _npc?.Handle(e);
            _player?.Handle(e);
        }

        private void Update()
        {
            _npc?.Advance(Time.unscaledDeltaTime);
            _player?.Advance(Time.unscaledDeltaTime);
        }

        private void ShowNpc(string text)
        {
#if VOICENPC_UGUI
            if (npcText != null) npcText.text = text;
#endif
#if VOICENPC_TMP
            if (npcTextMeshPro != null) npcTextMeshPro.text = text;
#endif
            npcLineChanged.Invoke(text);
        }

        private void ShowPlayer(string text, bool isFinal)
        {
            string shown = text.Length == 0 ? "" : playerPrefix + text;
#if VOICENPC_UGUI
            if (playerText != null) playerText.text = shown;
#endif
#if VOICENPC_TMP
            if (playerTextMeshPro != null) playerTextMeshPro.text = shown;
#endif
            playerLineChanged.Invoke(shown);
        }
    }
}
