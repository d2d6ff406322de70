namespace VoiceNpc.Characters
{
    /// <summary>
    /// Loads a character held by a game asset (Unity's VoiceNpcCharacter) from the bytes the engine imported, so a
    /// player reads no file (inside an Android APK there is none to read). The Unity layer only hands over the bytes.
    /// </summary>
    public static class CharacterAssetLoader
    {
        /// <summary>The field of the asset that holds the character's *.character.json.</summary>
        public const string FileField = "characterFile";

        /// <summary>
        /// Parses <paramref name="utf8"/> as <see cref="CharacterLoader.Parse(byte[], string)"/> does, named after the
        /// asset and its JSON file; no file (null) is a <see cref="CharacterLoadException"/> naming the asset's field.
        /// </summary>
        public static CharacterDefinition Load(string assetName, string? jsonFileName, byte[]? utf8)
        {
            if (utf8 == null || jsonFileName == null)
                throw CharacterLoadException.At($"character asset \"{assetName}\"", FileField,
                    "the character's *.character.json as a TextAsset (none is assigned)");
            return CharacterLoader.Parse(utf8, $"{jsonFileName} (character asset \"{assetName}\")");
        }
    }
}
