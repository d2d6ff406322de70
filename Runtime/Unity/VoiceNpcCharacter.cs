using UnityEngine;
using VoiceNpc.Characters;

namespace VoiceNpc.Unity
{
    /// <summary>
    /// A character as a game asset: its *.character.json imported as a TextAsset (the file the studio edits), loaded
    /// from the bytes Unity built into the player, so it works wherever the game runs (an Android APK has no files).
    /// </summary>
    [CreateAssetMenu(menuName = "VoiceNpc/Character", fileName = "Character")]
    public sealed class VoiceNpcCharacter : ScriptableObject
    {
        [Tooltip("The character's *.character.json file")]
        public TextAsset? characterFile;

        [Tooltip("The line the inspector's Preview voice button speaks")]
        public string previewLine = "Well met, traveller. What can I do for you?";

        /// <summary>
        /// The character, parsed by the runtime's loader: a missing file or any problem in it is a
        /// <see cref="CharacterLoadException"/> naming this asset and the place.
        /// </summary>
        public CharacterDefinition Load()
        {
            // Unity's overloaded == also treats a destroyed asset as missing.
            bool missing = characterFile == null;
            return CharacterAssetLoader.Load(name, missing ? null : characterFile!.name, missing ? null : characterFile!.bytes);
        }
    }
}
