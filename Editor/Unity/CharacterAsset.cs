using UnityEngine;

namespace VoiceNpc.Editor
{
    /// <summary>
    /// A character in the Unity editor: points at its *.character.json (the file the game loads and the studio edits),
    /// so the inspector can validate it, preview its voice and open it in the studio.
    /// </summary>
    [CreateAssetMenu(menuName = "VoiceNpc/Character", fileName = "Character")]
    public sealed class CharacterAsset : ScriptableObject
    {
        [Tooltip("The character's *.character.json file")]
        public TextAsset characterFile;

        [Tooltip("The line the Preview voice button speaks")]
        public string previewLine = "Well met, traveller. What can I do for you?";
    }
}
