using System.CommandLine;

namespace VoiceNpc.Cli
{
    /// <summary><c>voicenpc characters new|validate|preview-prompt|preview-voice|simulate-outage|bake</c>: the character authoring verbs.</summary>
    public static class CharactersCommand
    {
        public static Command Create() => new Command("characters", "Author, check and preview character files")
        {
            CharacterNewCommand.Create(),
            CharacterValidateCommand.Create(),
            PreviewPromptCommand.Create(),
            PreviewVoiceCommand.Create(),
            SimulateOutageCommand.Create(),
            BakeCommand.Create(),
        };
    }
}
