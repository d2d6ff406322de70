using System.Collections.Generic;

namespace VoiceNpc.Characters
{
    /// <summary>A character as its <c>*.character.json</c> file describes it. Built only by <see cref="CharacterLoader"/>.</summary>
    public sealed record CharacterDefinition
    {
        public string Id { get; init; } = "";
        public string DisplayName { get; init; } = "";

        /// <summary>Who the character is: the system prompt of an LLM brain.</summary>
        public string Persona { get; init; } = "";

        /// <summary>The rest of an LLM brain's instructions: world facts, speaking style, rules, topics to deflect.</summary>
        public PromptSettings Prompt { get; init; } = PromptSettings.Default;

        /// <summary>Voice per TTS provider name ("flite", "openai", "elevenlabs").</summary>
        public IReadOnlyDictionary<string, VoiceSettings> Voices { get; init; } = new Dictionary<string, VoiceSettings>();

        public StageChains Fallbacks { get; init; } = StageChains.Embedded;
        public TurnTakingSettings TurnTaking { get; init; } = TurnTakingSettings.Default;

        /// <summary>How long each stage may keep a turn waiting before its next provider takes over.</summary>
        public StageDeadlines Deadlines { get; init; } = StageDeadlines.Default;

        public MemorySettings Memory { get; init; } = MemorySettings.Default;

        /// <summary>Per cloud service ("openai", "deepgram", "elevenlabs"): this character's base URL, model and key name.</summary>
        public IReadOnlyDictionary<string, CloudSettings> Cloud { get; init; } = new Dictionary<string, CloudSettings>();

        /// <summary>The character's settings for a cloud service (empty when it has none).</summary>
        public CloudSettings CloudFor(string service) => Cloud.TryGetValue(service, out var settings) ? settings : new CloudSettings();
        public IReadOnlyList<string> Greetings { get; init; } = new string[0];
        public IReadOnlyList<Intent> Intents { get; init; } = new Intent[0];

        /// <summary>Lines for when the character did not understand the player.</summary>
        public IReadOnlyList<string> DontUnderstand { get; init; } = new string[0];

        /// <summary>Short lines that cover a slow answer ("Hmm, let me think.").</summary>
        public IReadOnlyList<string> Fillers { get; init; } = new string[0];

        /// <summary>Words players are likely to say to this character: biases speech recognition.</summary>
        public IReadOnlyList<string> Vocabulary { get; init; } = new string[0];

        /// <summary>The file it came from, for messages; empty when built in code.</summary>
        public string SourcePath { get; init; } = "";
    }
}
