using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using VoiceNpc.Characters;

namespace VoiceNpc.Authoring
{
    /// <summary>A suggestion for each kind of problem the loader reports: the nearest known name for a typo, the fix for the rest.</summary>
    internal static class Hints
    {
        public static string For(CharacterProblem problem)
        {
            string expected = problem.Expected;
            var known = Regex.Match(expected, @"known fields: (?<list>[^)]*)\)");
            if (known.Success) return DidYouMean(LastSegment(problem.JsonPath), Split(known.Groups["list"].Value)) ?? "remove it, or check its spelling against the schema";
            var choice = Regex.Match(expected, @"one of (?<list>.*), found ""(?<found>[^""]*)""");
            if (choice.Success) return DidYouMean(choice.Groups["found"].Value, Split(choice.Groups["list"].Value)) ?? "pick one of the listed names";
            if (expected.StartsWith("a value (the field is required)")) return $"add \"{LastSegment(problem.JsonPath)}\"; `voicenpc characters new` writes a complete file to copy from";
            if (expected.StartsWith("a voice for")) return "add an entry under \"voices\" for that provider, e.g. \"flite\": {\"voice\": \"awb\"}, or take the provider out of the chain";
            if (expected.StartsWith("a number from")) return "keep it inside the range; delete the field to use the default";
            if (expected.StartsWith("a whole number")) return "no decimals here";
            if (expected.StartsWith("well-formed JSON")) return JsonSyntax(expected);
            if (expected.StartsWith("a character object, found an empty file")) return "the file is empty; `voicenpc characters new` writes a complete file to start from";
            if (expected.StartsWith("UTF-8 text, found UTF-16")) return "the file is UTF-16: save it as UTF-8";
            if (expected.StartsWith("UTF-8 text, found UTF-32")) return "the file is UTF-32: save it as UTF-8";
            if (expected.StartsWith("UTF-8 text, found the byte")) return "the file is not UTF-8 (Latin-1 or Windows-1252, perhaps): save it as UTF-8";
            if (expected.Contains("lone surrogate") || expected.Contains("half of a surrogate pair"))
                return "write the character itself, or both halves of its pair (\\ud83d\\ude00 is one emoji)";
            if (expected.Contains("found it again")) return "keep one of the two; only one would be used";
            if (expected.StartsWith("at most") && expected.Contains(" characters, found")) return "shorten it: every line is spoken, shown or sent in a prompt";
            if (expected.StartsWith("at most") && expected.Contains(" items, found")) return "keep the best ones: long lists slow the character down";
            if (expected.Contains("more not listed")) return "fix these and validate again to see the rest";
            if (expected.Contains("bytes (a character is a few kilobytes)")) return "is this the right file? a character is a few kilobytes";
            if (expected.StartsWith("an existing file")) return "check the path";
            if (expected.StartsWith("a readable file")) return "check that the file is yours to read and not locked by another program";
            if (expected.StartsWith("a character file, found a folder")) return "name the *.character.json file inside the folder";
            if (expected.StartsWith("a non-empty string")) return "write the line, or delete the empty entry";
            if (expected.StartsWith("a unique intent id")) return "rename one of the two intents";
            return "";
        }

        private static string JsonSyntax(string expected)
        {
            if (expected.Contains("maximum configured depth")) return "a character nests only a few levels deep: look for stray [ or { characters";
            if (expected.Contains("Expected depth to be zero")) return "a closing } or ] is missing at the end";
            if (expected.Contains("after a single JSON value")) return "the file goes on after the character's closing }: remove what follows, or a second copy";
            if (expected.Contains("end of comment")) return "a /* comment is not closed with */";
            return "look for a missing comma or quote just before that position";
        }

        /// <summary>The known name within two edits of <paramref name="found"/>, as "did you mean …?"; null when none is close.</summary>
        public static string? DidYouMean(string found, IEnumerable<string> known)
        {
            var best = known.Select(k => (Name: k, Distance: Distance(found.ToLowerInvariant(), k.ToLowerInvariant())))
                .Where(k => k.Distance <= (found.Length <= 3 ? 1 : 2)).OrderBy(k => k.Distance).FirstOrDefault();
            return best.Name == null ? null : $"did you mean \"{best.Name}\"?";
        }

        private static IEnumerable<string> Split(string list) => list.Split(',').Select(s => s.Trim()).Where(s => s.Length > 0);

        private static string LastSegment(string jsonPath)
        {
            int dot = jsonPath.LastIndexOf('.');
            return dot < 0 ? jsonPath : jsonPath.Substring(dot + 1);
        }

        /// <summary>Levenshtein distance.</summary>
        private static int Distance(string a, string b)
        {
            var previous = Enumerable.Range(0, b.Length + 1).ToArray();
            for (int i = 1; i <= a.Length; i++)
            {
                var current = new int[b.Length + 1];
                current[0] = i;
                for (int j = 1; j <= b.Length; j++)
                    current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
                previous = current;
            }
            return previous[b.Length];
        }
    }
}
