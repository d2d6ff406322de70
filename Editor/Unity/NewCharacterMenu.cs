#nullable enable
using System.IO;
using UnityEditor;
using UnityEngine;
using VoiceNpc.Authoring;
using VoiceNpc.Characters;
using VoiceNpc.Unity;

namespace VoiceNpc.Editor
{
    /// <summary>
    /// Assets ▸ Create ▸ VoiceNpc ▸ New Character: writes a new, valid character file from the template the CLI's
    /// `characters new` uses (embedded providers, so it talks at once) and a VoiceNpcCharacter asset holding it, in the
    /// selected folder, and selects the asset.
    /// </summary>
    public static class NewCharacterMenu
    {
        [MenuItem("Assets/Create/VoiceNpc/New Character", false, 80)]
        public static void Create()
        {
            string folder = SelectedFolder();
            string id = UniqueId(folder);
            string file = $"{folder}/{id}{CharacterLoader.FileSuffix}";
            CharacterDocument.Create(Path.GetFullPath(file), CharacterTemplate.Create(id, "New Character"));
            AssetDatabase.ImportAsset(file);
            var asset = ScriptableObject.CreateInstance<VoiceNpcCharacter>();
            asset.characterFile = AssetDatabase.LoadAssetAtPath<TextAsset>(file);
            AssetDatabase.CreateAsset(asset, $"{folder}/{id}.asset");
            AssetDatabase.SaveAssets();
            Selection.activeObject = asset;
            EditorGUIUtility.PingObject(asset);
        }

        private static string SelectedFolder()
        {
            string path = Selection.activeObject == null ? "" : AssetDatabase.GetAssetPath(Selection.activeObject);
            if (path.Length == 0) return "Assets";
            return AssetDatabase.IsValidFolder(path) ? path : Path.GetDirectoryName(path)!.Replace('\\', '/');
        }

        /// <summary>new_character, new_character_2, ...: the first id with neither a file nor an asset in the folder.</summary>
        private static string UniqueId(string folder)
        {
            for (int n = 1; ; n++)
            {
                string id = n == 1 ? "new_character" : $"new_character_{n}";
                if (!File.Exists($"{folder}/{id}{CharacterLoader.FileSuffix}") && !File.Exists($"{folder}/{id}.asset")) return id;
            }
        }
    }
}
