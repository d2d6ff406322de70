using UnityEngine;
using VoiceNpc.Unity;
#if VOICENPC_UGUI
using UnityEngine.UI;
#endif

namespace VoiceNpc.Samples
{
    /// <summary>
    /// The subtitles: a screen-space Canvas with Brenna's line and the player's transcript at the bottom (uGUI; without
    /// the uGUI package the bootstrap draws them with OnGUI).
    /// </summary>
    internal static class BlacksmithCanvas
    {
        public static VoiceNpcSubtitles Build(VoiceNpcAgent agent)
        {
            var subtitles = agent.gameObject.AddComponent<VoiceNpcSubtitles>();
            subtitles.agent = agent;
#if VOICENPC_UGUI
            var canvas = new GameObject("Subtitles").AddComponent<Canvas>();
            canvas.renderMode = RenderMode.ScreenSpaceOverlay;
            var scaler = canvas.gameObject.AddComponent<CanvasScaler>();
            scaler.uiScaleMode = CanvasScaler.ScaleMode.ScaleWithScreenSize;
            scaler.referenceResolution = new Vector2(1920, 1080);
            subtitles.npcText = Line(canvas, "Brenna", 0.16f, 0.26f, Color.white);
            subtitles.playerText = Line(canvas, "Player", 0.06f, 0.15f, new Color(0.8f, 0.9f, 1f, 1f));
#endif
            return subtitles;
        }

#if VOICENPC_UGUI
        private static Text Line(Canvas canvas, string name, float bottom, float top, Color color)
        {
            var text = new GameObject(name).AddComponent<Text>();
            text.transform.SetParent(canvas.transform, false);
            text.font = Resources.GetBuiltinResource<Font>("LegacyRuntime.ttf");   // Unity 2022.2 and later ("Arial.ttf" before)
            text.fontSize = 40;
            text.alignment = TextAnchor.MiddleCenter;
            text.color = color;
            var rect = text.rectTransform;
            rect.anchorMin = new Vector2(0.1f, bottom);
            rect.anchorMax = new Vector2(0.9f, top);
            rect.offsetMin = new Vector2(0, 0);
            rect.offsetMax = new Vector2(0, 0);
            return text;
        }
#endif
    }
}
