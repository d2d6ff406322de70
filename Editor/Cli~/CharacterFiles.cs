using System;
using System.IO;
using Spectre.Console;
using VoiceNpc.Characters;

namespace VoiceNpc.Cli
{
    /// <summary>Loads the character a verb works on; an invalid file is reported with every problem and the verb exits 1.</summary>
    public static class CharacterFiles
    {
        public static CharacterDefinition? Load(FileInfo file)
        {
            try { return CharacterLoader.Load(file.FullName); }
            catch (CharacterLoadException e)
            {
                Console.Error.WriteLine(TerminalText.Clean($"{file.FullName}: not a valid character (run `voicenpc characters validate` for hints):"));
                foreach (var problem in e.Problems) Console.Error.WriteLine(TerminalText.Clean("  " + problem));
                return null;
            }
        }

        public static void Fail(string message) => AnsiConsole.Console.Write(new Markup($"[red]error:[/] {TerminalText.Markup(message)}\n"));
    }
}
