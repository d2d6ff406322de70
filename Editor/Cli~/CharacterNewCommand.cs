using System;
using System.CommandLine;
using System.IO;
using VoiceNpc.Authoring;
using VoiceNpc.Characters;

namespace VoiceNpc.Cli
{
    /// <summary><c>voicenpc characters new ID</c>: writes a complete, valid character file to start from (embedded providers, so it runs offline).</summary>
    public static class CharacterNewCommand
    {
        public static Command Create()
        {
            var id = new Argument<string>("id") { Description = "The character's id: letters, digits, '-' or '_' (names the file)" };
            var name = new Option<string?>("--name") { Description = "The display name (default: the id)" };
            var folder = new Option<DirectoryInfo>("--folder") { Description = "Where to write ID.character.json", DefaultValueFactory = _ => new DirectoryInfo(".") };
            var schema = new Option<string>("--schema") { Description = "A \"$schema\" path or URL for editors (e.g. the package's Editor/Authoring/character.schema.json)", DefaultValueFactory = _ => "" };
            var json = new Option<bool>("--json") { Description = "Print {\"path\": …} instead of a sentence" };
            var command = new Command("new", "Write a new character file to start from") { id, name, folder, schema, json };
            command.SetAction(result =>
            {
                string characterId = result.GetValue(id)!;
                string path = Path.Combine(result.GetValue(folder)!.FullName, characterId + CharacterLoader.FileSuffix);
                try
                {
                    CharacterDocument.Create(path, CharacterTemplate.Create(characterId, result.GetValue(name) ?? characterId, result.GetValue(schema)!));
                }
                catch (CharacterSaveException e)
                {
                    Console.Error.WriteLine(TerminalText.Clean(e.Message));
                    return 1;
                }
                if (result.GetValue(json)) CliJson.Print(new { path });
                else Console.WriteLine($"wrote {path}: edit it, then `voicenpc characters validate {path}`");
                return 0;
            });
            return command;
        }
    }
}
