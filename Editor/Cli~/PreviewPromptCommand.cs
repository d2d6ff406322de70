using System;
using System.CommandLine;
using System.IO;
using Spectre.Console;
using VoiceNpc.Authoring;
using VoiceNpc.Memory;
using VoiceNpc.Providers.OpenAI;

namespace VoiceNpc.Cli
{
    /// <summary><c>voicenpc characters preview-prompt FILE</c>: the exact system prompt an LLM brain sends for the character, and its tokens.</summary>
    public static class PreviewPromptCommand
    {
        public static Command Create()
        {
            var file = new Argument<FileInfo>("file") { Description = "The *.character.json file" };
            var memoryFolder = new Option<DirectoryInfo?>("--memory-folder") { Description = "Include what the character remembers of --player (from `talk --memory-folder`)" };
            var player = new Option<string>("--player") { Description = "The player's id for --memory-folder", DefaultValueFactory = _ => "player" };
            var json = new Option<bool>("--json") { Description = "Print {\"system_prompt\", \"tokens\", \"tokenizer\"}" };
            var command = new Command("preview-prompt", "Show the system prompt an LLM brain sends for the character, with its token count") { file, memoryFolder, player, json };
            command.SetAction(result =>
            {
                var character = CharacterFiles.Load(result.GetValue(file)!);
                if (character == null) return 1;
                var memory = result.GetValue(memoryFolder) is DirectoryInfo folder
                    ? PlayerMemory.Open(new MemoryStore(folder.FullName), character, result.GetValue(player)!).Conversation : null;
                var preview = PromptPreview.Of(character, memory, new OpenAIBrainOptions().MemoryTokenBudget);
                if (result.GetValue(json)) { CliJson.Print(preview); return 0; }
                AnsiConsole.Write(new Panel(TerminalText.Markup(preview.SystemPrompt)) { Header = new PanelHeader($"system prompt of {TerminalText.Markup(character.DisplayName)}") });
                Console.WriteLine($"{preview.Tokens} tokens ({preview.Tokenizer}), {preview.SystemPrompt.Length} characters");
                return 0;
            });
            return command;
        }
    }
}
