using System;
using System.Collections.Generic;
using System.Linq;
using VoiceNpc.Characters;

namespace VoiceNpc.Authoring
{
    /// <summary>
    /// Everything wrong with a character file, for the editor tools: the loader's errors (the same rules the game
    /// applies, so what passes here loads there) with a hint each, then warnings about what is legal but likely to
    /// hurt the player's experience.
    /// </summary>
    public static class CharacterValidator
    {
        /// <summary>Reads the file as the game does (bounded, UTF-8 only), so an unreadable file is an issue, not an exception.</summary>
        public static IReadOnlyList<ValidationIssue> ValidateFile(string path) => Check(() => CharacterLoader.Load(path), path);

        public static IReadOnlyList<ValidationIssue> Validate(string json, string file) => Check(() => CharacterLoader.Parse(json, file), file);

        /// <summary>A file's bytes as read from disk: invalid UTF-8 is an issue here, as it is for the game.</summary>
        public static IReadOnlyList<ValidationIssue> Validate(byte[] utf8, string file) => Check(() => CharacterLoader.Parse(utf8, file), file);

        private static IReadOnlyList<ValidationIssue> Check(Func<CharacterDefinition> load, string file)
        {
            try
            {
                return Warnings(load(), file).ToList();
            }
            catch (CharacterLoadException e)
            {
                return e.Problems.Select(p => new ValidationIssue(p.File, p.JsonPath, p.Expected, Hints.For(p), IssueSeverity.Error)).ToList();
            }
        }

        public static bool HasErrors(IEnumerable<ValidationIssue> issues) => issues.Any(i => i.Severity == IssueSeverity.Error);

        private static IEnumerable<ValidationIssue> Warnings(CharacterDefinition c, string file)
        {
            ValidationIssue Warn(string path, string expected, string hint) => new ValidationIssue(file, path, expected, hint, IssueSeverity.Warning);
            var turn = c.TurnTaking;
            if (turn.ThinkingBudgetSeconds < turn.VadStopSeconds + 0.3)
                yield return Warn("$.turnTaking.thinkingBudgetSeconds", $"a thinking budget of at least {turn.VadStopSeconds + 0.3:0.0#} s (the VAD stop plus 0.3 s), found {turn.ThinkingBudgetSeconds}",
                    "with less, a filler plays over almost every reply, even the fast ones");
            if (turn.ThinkingBudgetSeconds > 3)
                yield return Warn("$.turnTaking.thinkingBudgetSeconds", $"a thinking budget of at most 3 s, found {turn.ThinkingBudgetSeconds}",
                    "players read silence longer than about 1.5 s as the NPC not listening; 1 to 1.5 s covers a slow cloud answer");
            if (turn.ThinkingBudgetSeconds >= turn.MaxTurnSeconds)
                yield return Warn("$.turnTaking.thinkingBudgetSeconds", $"a thinking budget below maxTurnSeconds ({turn.MaxTurnSeconds})", "the filler would never play");
            foreach (var (stage, chain) in new[] { ("stt", c.Fallbacks.Stt), ("llm", c.Fallbacks.Llm), ("tts", c.Fallbacks.Tts) })
            {
                if (chain.Count > 0 && ProviderNames.IsCloud(chain[chain.Count - 1]))
                    yield return Warn($"$.fallbacks.{stage}", $"an embedded provider last in the {stage} chain, found \"{chain[chain.Count - 1]}\"",
                        $"with the network down the character would fall silent; end the chain with {string.Join(" or ", EmbeddedFor(stage))}");
            }
            for (int i = 0; i < c.Fillers.Count; i++)
                if (c.Fillers[i].Length > 60)
                    yield return Warn($"$.fillers[{i}]", $"a short filler (at most 60 characters), found {c.Fillers[i].Length}", "a filler covers a wait; a long one delays the real answer");
            if (c.Fallbacks.Llm.Any(ProviderNames.IsCloud) && c.Persona.Trim().Length < 40)
                yield return Warn("$.persona", "a persona of a sentence or more for an LLM brain", "say who the character is, where, and what they know; see $.prompt for the world and the rules");
            foreach (var warning in CloudHostWarnings.For(c, file)) yield return warning;
        }

        private static IEnumerable<string> EmbeddedFor(string stage) => stage switch
        {
            "stt" => ProviderNames.Stt.Where(n => !ProviderNames.IsCloud(n)),
            "llm" => ProviderNames.Llm.Where(n => !ProviderNames.IsCloud(n)),
            _ => ProviderNames.Tts.Where(n => !ProviderNames.IsCloud(n)),
        };
    }
}
