using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;

namespace VoiceNpc.Characters
{
    /// <summary>
    /// Reads typed fields out of a JSON object and records a <see cref="CharacterProblem"/> for each one that is
    /// missing, of the wrong kind or too long, so one pass reports every problem in the file (the first
    /// <see cref="TextLimits.Problems"/> of them, and how many more).
    /// </summary>
    internal sealed class JsonFieldReader
    {
        private readonly string _file;
        private readonly List<CharacterProblem> _problems = new List<CharacterProblem>();
        private int _unlisted;

        public JsonFieldReader(string file) => _file = file;

        public bool HasProblems => _problems.Count > 0;

        public void Problem(string path, string expected)
        {
            if (_problems.Count < TextLimits.Problems) _problems.Add(new CharacterProblem(_file, path, expected));
            else _unlisted++;
        }

        /// <summary>The exception for what was found; past the limit, a last problem says how many more there are.</summary>
        public CharacterLoadException Failure()
        {
            var problems = new List<CharacterProblem>(_problems);
            if (_unlisted > 0)
                problems.Add(new CharacterProblem(_file, "$", $"fewer problems; ... and {_unlisted} more not listed here (only the first {TextLimits.Problems} are)"));
            return new CharacterLoadException(_file, problems);
        }

        public bool TryGet(JsonElement obj, string name, string path, bool required, out JsonElement value)
        {
            if (obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(name, out value) && value.ValueKind != JsonValueKind.Null)
                return true;
            if (required) Problem($"{path}.{name}", "a value (the field is required)");
            value = default;
            return false;
        }

        public string String(JsonElement obj, string name, string path, bool required, int maxLength = TextLimits.Text)
        {
            if (!TryGet(obj, name, path, required, out var value)) return "";
            string here = $"{path}.{name}";
            if (value.ValueKind != JsonValueKind.String) { Problem(here, $"a string, found {Describe(value)}"); return ""; }
            var text = value.GetString() ?? "";
            if (text.Length > maxLength) { Problem(here, TooLong(maxLength, text.Length)); return ""; }
            if (required && text.Trim().Length == 0) Problem(here, "a non-empty string");
            return text;
        }

        public double Number(JsonElement obj, string name, string path, double fallback, double min, double max)
        {
            if (!TryGet(obj, name, path, false, out var value)) return fallback;
            string here = $"{path}.{name}";
            if (value.ValueKind != JsonValueKind.Number) { Problem(here, $"a number, found {Describe(value)}"); return fallback; }
            // Far out of range ("1e400", 400 digits) is infinite here and may not parse at all on other runtimes.
            if (!value.TryGetDouble(out double number) || double.IsInfinity(number))
            {
                Problem(here, $"a number from {min} to {max}, found {Describe(value)}");
                return fallback;
            }
            if (number < min || number > max) { Problem(here, $"a number from {min} to {max}, found {number}"); return fallback; }
            return number;
        }

        /// <summary>A whole number in range (2.5 is a problem, not 2).</summary>
        public int Integer(JsonElement obj, string name, string path, int fallback, int min, int max)
        {
            double number = Number(obj, name, path, fallback, min, max);
            if (number != Math.Floor(number)) { Problem($"{path}.{name}", $"a whole number from {min} to {max}, found {number}"); return fallback; }
            return (int)number;
        }

        public double? OptionalNumber(JsonElement obj, string name, string path, double min, double max)
        {
            if (!TryGet(obj, name, path, false, out _)) return null;
            double number = Number(obj, name, path, double.NaN, min, max);
            return double.IsNaN(number) ? (double?)null : number;
        }

        /// <summary>
        /// An array of non-empty strings of at most <paramref name="maxLength"/> characters; <paramref name="minCount"/> &gt; 0
        /// makes the field required, more than <paramref name="maxCount"/> items is one problem (the items past it are not read).
        /// </summary>
        public IReadOnlyList<string> Strings(JsonElement obj, string name, string path, int minCount, int maxCount = TextLimits.Items,
            int maxLength = TextLimits.Text)
        {
            var result = new List<string>();
            if (!TryGet(obj, name, path, minCount > 0, out var value)) return result;
            string here = $"{path}.{name}";
            if (!IsArray(value, here, "strings", maxCount)) return result;
            int index = 0;
            foreach (var item in value.EnumerateArray().Take(maxCount))
            {
                string at = $"{here}[{index++}]";
                if (item.ValueKind != JsonValueKind.String) { Problem(at, $"a string, found {Describe(item)}"); continue; }
                string text = item.GetString() ?? "";
                if (text.Length > maxLength) Problem(at, TooLong(maxLength, text.Length));
                else if (text.Trim().Length == 0) Problem(at, "a non-empty string");
                else result.Add(text);
            }
            if (index < minCount) Problem(here, $"at least {minCount} item{(minCount == 1 ? "" : "s")}, found {index}");
            return result;
        }

        /// <summary>Whether <paramref name="value"/> is an array (of <paramref name="items"/>); a problem when it is not, or has more than <paramref name="maxCount"/> items.</summary>
        public bool IsArray(JsonElement value, string path, string items, int maxCount)
        {
            if (value.ValueKind != JsonValueKind.Array) { Problem(path, $"an array of {items}, found {Describe(value)}"); return false; }
            int count = value.GetArrayLength();
            if (count > maxCount) Problem(path, $"at most {maxCount} items, found {count}");
            return true;
        }

        /// <summary>A problem for every field of <paramref name="obj"/> not in <paramref name="known"/>: a typo must not pass silently.</summary>
        public void RejectUnknown(JsonElement obj, string path, IReadOnlyCollection<string> known)
        {
            string? knownList = null;
            foreach (var property in obj.EnumerateObject())
            {
                if (known.Contains(property.Name)) continue;
                knownList ??= string.Join(", ", known.Where(k => k[0] != '$'));
                Problem($"{path}.{property.Name}", $"no such field (known fields: {knownList})");
            }
        }

        public bool IsObject(JsonElement value, string path)
        {
            if (value.ValueKind == JsonValueKind.Object) return true;
            Problem(path, $"an object, found {Describe(value)}");
            return false;
        }

        /// <summary>The value as a message shows it: kind and content, long content shortened.</summary>
        public static string Describe(JsonElement value) => value.ValueKind switch
        {
            JsonValueKind.String => $"the string \"{Shorten(value.GetString() ?? "")}\"",
            JsonValueKind.Number => $"the number {Shorten(value.GetRawText())}",
            JsonValueKind.True or JsonValueKind.False => $"the boolean {value.GetRawText()}",
            JsonValueKind.Array => "an array",
            JsonValueKind.Object => "an object",
            _ => "null",
        };

        private static string TooLong(int maxLength, int length) => $"at most {maxLength} characters, found {length}";

        private const int Shown = 40;

        private static string Shorten(string text)
        {
            if (text.Length <= Shown) return text;
            int cut = char.IsHighSurrogate(text[Shown - 1]) ? Shown - 1 : Shown;   // never half a character
            return $"{text.Substring(0, cut)}… ({text.Length} characters)";
        }
    }
}
