#nullable enable
using System;
using System.Collections.Generic;
using System.IO;
using UnityEditor;
using UnityEngine;
using VoiceNpc.Audio;
using VoiceNpc.Authoring;
using VoiceNpc.Presentation;
using VoiceNpc.Unity;

namespace VoiceNpc.Editor
{
    /// <summary>
    /// The agent's inspector: its fields, whether the character file is valid (the authoring validator), a microphone
    /// dropdown, and in play mode the live state, controls and the last turn's latency waterfall. Thin on purpose: the
    /// validation, the device lists and the waterfall come from engine-free code the dotnet tests cover.
    /// </summary>
    [CustomEditor(typeof(VoiceNpcAgent))]
    public sealed class VoiceNpcAgentEditor : UnityEditor.Editor
    {
        private readonly CharacterCheck _check = new CharacterCheck();
        private readonly MicrophoneChoice _microphones = new MicrophoneChoice();
        private string _line = "Well met, traveller.";

        public override bool RequiresConstantRepaint() => Application.isPlaying;

        public override void OnInspectorGUI()
        {
            var agent = (VoiceNpcAgent)target;
            DrawDefaultInspector();
            EditorGUILayout.Space();
            DrawCharacter(agent);
            DrawMicrophone(agent);
            if (Application.isPlaying) DrawLive(agent);
        }

        private void DrawCharacter(VoiceNpcAgent agent)
        {
            if (agent.character == null || agent.character.characterFile == null)
            {
                EditorGUILayout.HelpBox("Set Character to a VoiceNpc character asset (Assets ▸ Create ▸ VoiceNpc ▸ New Character).",
                    MessageType.Warning);
                return;
            }
            string path = Path.GetFullPath(AssetDatabase.GetAssetPath(agent.character.characterFile));
            var issues = _check.Issues(path, GUILayout.Button("Validate character"));
            int errors = 0;
            foreach (var issue in issues) if (issue.Severity == IssueSeverity.Error) errors++;
            if (issues.Count == 0) EditorGUILayout.HelpBox($"{Path.GetFileName(path)} is valid.", MessageType.Info);
            else
                EditorGUILayout.HelpBox($"{Path.GetFileName(path)}: {errors} errors, {issues.Count - errors} warnings",
                    errors > 0 ? MessageType.Error : MessageType.Warning);
            for (int i = 0; i < issues.Count && i < 5; i++)
                EditorGUILayout.LabelField($"{issues[i].JsonPath}: expected {issues[i].Expected}", EditorStyles.wordWrappedMiniLabel);
        }

        private void DrawMicrophone(VoiceNpcAgent agent)
        {
            if (agent.capture == CaptureSource.None) return;
            var names = _microphones.Names(agent.capture, GUILayout.Button("Refresh microphones"));
            int current = Math.Max(0, Array.IndexOf(names, agent.microphoneDevice));
            int chosen = EditorGUILayout.Popup("Microphone", current, names);
            if (chosen == current) return;
            Undo.RecordObject(agent, "Choose microphone");
            agent.microphoneDevice = chosen == 0 ? "" : names[chosen];
            EditorUtility.SetDirty(agent);
        }

        private void DrawLive(VoiceNpcAgent agent)
        {
            EditorGUILayout.Space();
            EditorGUILayout.LabelField($"State: {agent.State} · {agent.TurnState} · {agent.CaptureDescription}", EditorStyles.boldLabel);
            if (agent.FailureReason != null) EditorGUILayout.HelpBox(agent.FailureReason, MessageType.Error);
            if (agent.PlaybackStats is CallbackPlaybackStats voice) EditorGUILayout.LabelField("Voice: " + voice, EditorStyles.wordWrappedMiniLabel);
            if (GUILayout.Button(agent.Host == null ? "Start conversation" : "Stop conversation"))
            {
                if (agent.Host == null) agent.StartConversation();
                else agent.StopConversation();
            }
            _line = EditorGUILayout.TextField("Line", _line);
            if (GUILayout.Button("Say it in the NPC's voice")) agent.Say(_line);
            if (GUILayout.Button("Send it as the player")) agent.SendText(_line);
            if (agent.LastWaterfall != null) WaterfallView.Draw(agent.LastWaterfall);
        }
    }

    /// <summary>The last validation of a character file, run again when asked or when the file changed.</summary>
    internal sealed class CharacterCheck
    {
        private string _path = "";
        private DateTime _written;
        private IReadOnlyList<ValidationIssue> _issues = Array.Empty<ValidationIssue>();

        public IReadOnlyList<ValidationIssue> Issues(string path, bool force)
        {
            var written = File.Exists(path) ? File.GetLastWriteTimeUtc(path) : DateTime.MinValue;
            if (force || path != _path || written != _written)
            {
                _issues = CharacterValidator.ValidateFile(path);
                (_path, _written) = (path, written);
            }
            return _issues;
        }
    }

    /// <summary>A turn's latency waterfall as bars: each stage from where it started, scaled to the turn.</summary>
    internal static class WaterfallView
    {
        private static readonly Color Bar = new Color(0.3f, 0.6f, 0.9f, 1f);

        public static void Draw(LatencyWaterfall waterfall)
        {
            EditorGUILayout.LabelField($"Turn {waterfall.Turn}: voice to voice " +
                (waterfall.VoiceToVoice is TimeSpan v ? $"{v.TotalSeconds:0.00} s" : "—"), EditorStyles.boldLabel);
            double total = 0;
            foreach (var s in waterfall.Segments)
                if (s.Reached) total = Math.Max(total, (s.Start!.Value + s.Duration!.Value).TotalSeconds);
            foreach (var s in waterfall.Segments)
            {
                var rect = EditorGUILayout.GetControlRect();
                float labelWidth = Math.Min(220f, rect.width * 0.55f);
                string time = s.Reached ? $"{s.Duration!.Value.TotalSeconds:0.00} s" : "—";
                EditorGUI.LabelField(new Rect(rect.x, rect.y, labelWidth, rect.height), $"{s.Name} ({s.Provider}) {time}");
                if (!s.Reached || total <= 0) continue;
                float width = rect.width - labelWidth;
                float from = (float)(s.Start!.Value.TotalSeconds / total) * width;
                float length = Math.Max(1f, (float)(s.Duration!.Value.TotalSeconds / total) * width);
                EditorGUI.DrawRect(new Rect(rect.x + labelWidth + from, rect.y + 2, length, rect.height - 4), Bar);
            }
        }
    }
}
