using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;

namespace VoiceNpc.Characters
{
    /// <summary>
    /// Reads typed fields out of a JSON object and records a <see cref="CharacterProblem"/> for each one that is
    /// missing or of the wrong kind, so one pass reports every problem in the file.
    /// </summary>
    internal sealed class JsonFieldReader
    {
        private readonly string _file;
        private readonly List<CharacterProblem> _problems;

        public JsonFieldReader(string file, List<CharacterProblem> problems)
        {
            _file = file;
            _problems = problems;
        }

        public void Problem(string path, string expected) => _problems.Add(new CharacterProblem(_file, path, expected));

        public bool TryGet(JsonElement obj, string name, string path, bool required, out JsonElement value)
        {
            if (obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(name, out value) && value.ValueKind != JsonValueKind.Null)
                return true;
            if (required) Problem($"{path}.{name}", "a value (the field is required)");
            value = default;
            return false;
        }

        public string String(JsonElement obj, string name, string path, bool required, string fallback = "")
        {
            if (!TryGet(obj, name, path, required, out var value)) return fallback;
            if (value.ValueKind != JsonValueKind.String) { Problem($"{path}.{name}", $"a string, found {Describe(value)}"); return fallback; }
            var text = value.GetString() ?? "";
            if (required && text.Trim().Length == 0) Problem($"{path}.{name}", "a non-empty string");
            return text;
        }

        public double Number(JsonElement obj, string name, string path, double fallback, double min, double max)
        {
            if (!TryGet(obj, name, path, false, out var value)) return fallback;
            if (value.ValueKind != JsonValueKind.Number) { Problem($"{path}.{name}", $"a number, found {Describe(value)}"); return fallback; }
            double number = value.GetDouble();
            if (number < min || number > max) { Problem($"{path}.{name}", $"a number from {min} to {max}, found {number}"); return fallback; }
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

        /// <summary>An array of non-empty strings; <paramref name="minCount"/> &gt; 0 makes the field required.</summary>
        public IReadOnlyList<string> Strings(JsonElement obj, string name, string path, int minCount)
        {
            var result = new List<string>();
            if (!TryGet(obj, name, path, minCount > 0, out var value)) return result;
            string here = $"{path}.{name}";
            if (value.ValueKind != JsonValueKind.Array) { Problem(here, $"an array of strings, found {Describe(value)}"); return result; }
            int index = 0;
            foreach (var item in value.EnumerateArray())
            {
                if (item.ValueKind != JsonValueKind.String) Problem($"{here}[{index}]", $"a string, found {Describe(item)}");
                else if ((item.GetString() ?? "").Trim().Length == 0) Problem($"{here}[{index}]", "a non-empty string");
                else result.Add(item.GetString()!);
                index++;
            }
            if (index < minCount) Problem(here, $"at least {minCount} item{(minCount == 1 ? "" : "s")}, found {index}");
            return result;
        }

        /// <summary>A problem for every field of <paramref name="obj"/> not in <paramref name="known"/>: a typo must not pass silently.</summary>
        public void RejectUnknown(JsonElement obj, string path, IReadOnlyCollection<string> known)
        {
            foreach (var property in obj.EnumerateObject())
            {
                if (!known.Contains(property.Name))
                    Problem($"{path}.{property.Name}", $"no such field (known fields: {string.Join(", ", known.Where(k => k[0] != '$'))})");
            }
        }

        public bool IsObject(JsonElement value, string path)
        {
            if (value.ValueKind == JsonValueKind.Object) return true;
            Problem(path, $"an object, found {Describe(value)}");
            return false;
        }

        public static string Describe(JsonElement value) => value.ValueKind switch
        {
            JsonValueKind.String => $"the string \"{value.GetString()}\"",
            JsonValueKind.Number => $"the number {value.GetRawText()}",
            JsonValueKind.True or JsonValueKind.False => $"the boolean {value.GetRawText()}",
            JsonValueKind.Array => "an array",
            JsonValueKind.Object => "an object",
            _ => "null",
        };
    }
}
