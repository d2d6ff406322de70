namespace VoiceNpc.Characters
{
    /// <summary>
    /// The longest text and the most items a character file may hold per field. Every line is spoken, shown or sent
    /// in a prompt, so a crafted file with a megabyte-long name or filler would stall a conversation; these bounds
    /// are far above anything a character needs.
    /// </summary>
    public static class TextLimits
    {
        /// <summary>The largest file the loader reads (a character is a few kilobytes).</summary>
        public const int FileBytes = 1024 * 1024;

        /// <summary>What a file larger than <see cref="FileBytes"/> is told, with what was found.</summary>
        internal static string TooLargeFile(string found) => $"a file of at most {FileBytes} bytes (a character is a few kilobytes), found {found}";

        /// <summary>The most problems one file reports; the rest are counted, not listed.</summary>
        public const int Problems = 100;

        /// <summary>A field name (the longest known one is far shorter).</summary>
        public const int FieldName = 100;

        public const int Id = 64;
        public const int DisplayName = 100;
        public const int Persona = 8000;
        public const int SpeakingStyle = 2000;
        public const int PromptEntry = 1000;

        /// <summary>A spoken line: a greeting, an answer, a deflection.</summary>
        public const int Line = 500;

        public const int Filler = 200;

        /// <summary>A keyword, a topic, a vocabulary word or phrase, a fact kind, a voice or provider name.</summary>
        public const int Phrase = 100;

        /// <summary>An example of what a player says.</summary>
        public const int Example = 300;

        /// <summary>Any other text field (a URL, a model name).</summary>
        public const int Text = 2000;

        /// <summary>Items of a list of lines, keywords, rules or facts.</summary>
        public const int Items = 100;

        public const int Intents = 500;

        /// <summary>Providers in one stage's fallback chain.</summary>
        public const int ChainProviders = 10;
        public const int VocabularyItems = 2000;
    }
}
