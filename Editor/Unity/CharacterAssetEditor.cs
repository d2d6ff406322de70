#nullable enable
using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using UnityEditor;
using UnityEngine;
using VoiceNpc.Authoring;
using VoiceNpc.Characters;
using VoiceNpc.Providers;
using VoiceNpc.Unity;

namespace VoiceNpc.Editor
{
    /// <summary>
    /// The inspector of a <see cref="VoiceNpcCharacter"/>: Validate, Preview voice, Open in studio. Thin on purpose: what it shows comes
    /// from the engine-free authoring library (CharacterValidator, VoicePreview), which the dotnet tests cover.
    /// </summary>
    [CustomEditor(typeof(VoiceNpcCharacter))]
    public sealed class CharacterAssetEditor : UnityEditor.Editor
    {
        private const string StudioUrlKey = "VoiceNpc.StudioUrl";
        private IReadOnlyList<ValidationIssue> _issues = Array.Empty<ValidationIssue>();
        private int _provider;
        private string _status = "";
        private AudioSource? _speaker;

        public override void OnInspectorGUI()
        {
            DrawDefaultInspector();
            var asset = (VoiceNpcCharacter)target;
            if (asset.characterFile == null)
            {
                EditorGUILayout.HelpBox("Choose the character's *.character.json file.", MessageType.Info);
                return;
            }
            string path = Path.GetFullPath(AssetDatabase.GetAssetPath(asset.characterFile));

            if (GUILayout.Button("Validate")) _issues = CharacterValidator.ValidateFile(path);
            foreach (var issue in _issues)
                EditorGUILayout.HelpBox($"{issue.JsonPath}: expected {issue.Expected}{(issue.Hint.Length > 0 ? $"\n{issue.Hint}" : "")}",
                    issue.Severity == IssueSeverity.Error ? MessageType.Error : MessageType.Warning);

            var character = TryLoad(path);
            if (character != null && character.Voices.Count > 0)
            {
                var providers = character.Voices.Keys.ToArray();
                _provider = EditorGUILayout.Popup("Voice", Math.Min(_provider, providers.Length - 1), providers);
                if (GUILayout.Button("Preview voice")) PreviewVoice(character, providers[_provider], asset.previewLine);
            }

            string studio = EditorPrefs.GetString(StudioUrlKey, "http://127.0.0.1:5170");
            string edited = EditorGUILayout.TextField("Studio address", studio);
            if (edited != studio) EditorPrefs.SetString(StudioUrlKey, edited);
            if (GUILayout.Button("Open in studio")) Application.OpenURL($"{edited.TrimEnd('/')}/#/{Path.GetFileName(path)}");
            EditorGUILayout.HelpBox($"The studio serves this file's folder: voicenpc studio --folder \"{Path.GetDirectoryName(path)}\"", MessageType.None);
            if (_status.Length > 0) EditorGUILayout.LabelField(_status, EditorStyles.wordWrappedMiniLabel);
        }

        private CharacterDefinition? TryLoad(string path)
        {
            try { return CharacterLoader.Load(path); }
            catch (CharacterLoadException) { return null; }
        }

        /// <summary>Synthesizes off the main thread; the clip is made and played back on it (Unity's API is main-thread only).</summary>
        private async void PreviewVoice(CharacterDefinition character, string provider, string line)
        {
            _status = $"Synthesizing with {provider}…";
            try
            {
                var speech = await VoicePreview.SynthesizeAsync(character, provider, line, CloudProviders.CreateCatalog(), CancellationToken.None);
                var clip = AudioClip.Create($"{character.Id}-{provider}", speech.Samples.Length, 1, Audio.AudioFormat.SampleRate, false);
                clip.SetData(speech.Samples.Select(s => s / 32768f).ToArray(), 0);
                if (_speaker == null)
                    _speaker = EditorUtility.CreateGameObjectWithHideFlags("VoiceNpc preview", HideFlags.HideAndDontSave, typeof(AudioSource)).GetComponent<AudioSource>();
                _speaker.PlayOneShot(clip);
                _status = $"{provider}: {speech.Duration.TotalSeconds:0.0} s";
            }
            catch (Exception e) { _status = e.Message; }
            Repaint();
        }

        private void OnDisable()
        {
            if (_speaker != null) DestroyImmediate(_speaker.gameObject);
        }
    }
}
