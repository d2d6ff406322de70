using System;

namespace VoiceNpc.Characters
{
    /// <summary>Intents every character understands without declaring them; answered with the character's own lines.</summary>
    public static class BuiltInIntents
    {
        /// <summary>A hello: answered with one of the character's greetings.</summary>
        public static Intent Greeting { get; } = new Intent(
            "greeting",
            new[] { "hello", "hi", "hey", "greetings", "good morning", "good evening", "good day" },
            new[] { "hello there", "hi there", "good morning" },
            Array.Empty<string>());
    }
}
