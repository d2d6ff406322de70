using System;
using System.IO;

namespace VoiceNpc.Authoring
{
    /// <summary>
    /// The published JSON Schema of <c>*.character.json</c> (Editor/Authoring/character.schema.json), for editors'
    /// completion and checking as you type; a file may point at it with "$schema". The validator remains the
    /// authority: it also checks what a schema cannot say (a voice for every TTS provider in the chain).
    /// </summary>
    public static class CharacterSchema
    {
        public const string FileName = "character.schema.json";

        public static string Text
        {
            get
            {
                using var stream = typeof(CharacterSchema).Assembly.GetManifestResourceStream("VoiceNpc.Authoring." + FileName)
                    ?? throw new InvalidOperationException($"the schema is embedded only by the dotnet build; in Unity read Editor/Authoring/{FileName} from the package");
                using var reader = new StreamReader(stream);
                return reader.ReadToEnd();
            }
        }
    }
}
