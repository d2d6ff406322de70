using System.Collections.Generic;
using System.Linq;
using VoiceNpc.Characters;

namespace VoiceNpc.Stt
{
    /// <summary>
    /// What the recogniser may use to bias itself toward this character: words and phrases players are likely to say.
    /// </summary>
    public sealed record RecognitionContext(IReadOnlyList<string> Vocabulary, IReadOnlyList<string> Phrases, string Language = "en-US")
    {
        /// <summary>
        /// A character's vocabulary and intent keywords as words, its intents' examples as phrases; the built-in
        /// intents (a hello) included, since every character answers them.
        /// </summary>
        public static RecognitionContext For(CharacterDefinition character)
        {
            var intents = character.Intents.Concat(new[] { BuiltInIntents.Greeting }).ToList();
            return new RecognitionContext(
                character.Vocabulary.Concat(intents.SelectMany(i => i.Keywords)).Distinct().ToList(),
                intents.SelectMany(i => i.Examples).ToList());
        }
    }
}
