using System;
using System.Collections.Generic;
using System.Text.Json;

namespace VoiceNpc.Characters
{
    /// <summary>
    /// One walk over a parsed character file before any field is read: every string and field name must decode
    /// (JSON allows an escaped lone surrogate such as "\ud800", which <see cref="JsonElement.GetString"/> and every
    /// name lookup then refuse with an <see cref="InvalidOperationException"/>), no object may name a field twice (the
    /// parser would keep one value silently), and field names are of a sane length. The loader reads no field of a
    /// file this finds a problem in, so no later string read can meet an undecodable value.
    /// </summary>
    internal static class JsonTextGuard
    {
        public static void Check(JsonElement element, string path, JsonFieldReader reader)
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.String:
                    if (!Decodes(element)) reader.Problem(path, LoneSurrogate("a string"));
                    break;
                case JsonValueKind.Array:
                    int index = 0;
                    foreach (var item in element.EnumerateArray()) Check(item, $"{path}[{index++}]", reader);
                    break;
                case JsonValueKind.Object:
                    CheckObject(element, path, reader);
                    break;
            }
        }

        private static void CheckObject(JsonElement element, string path, JsonFieldReader reader)
        {
            var names = new HashSet<string>(StringComparer.Ordinal);
            foreach (var property in element.EnumerateObject())
            {
                if (!TryName(property, out string name)) { reader.Problem(path, LoneSurrogate("field names")); continue; }
                if (name.Length > TextLimits.FieldName)
                {
                    reader.Problem(path, $"field names of at most {TextLimits.FieldName} characters, found one of {name.Length}");
                    continue;
                }
                string here = $"{path}.{name}";
                if (!names.Add(name)) reader.Problem(here, $"\"{name}\" given once in {path}, found it again (only one of the values would be used)");
                Check(property.Value, here, reader);
            }
        }

        private static string LoneSurrogate(string what) =>
            $"{what} of whole Unicode characters, found a lone surrogate escape (\\ud800 to \\udfff come in high-low pairs)";

        // The reader has already checked the UTF-8, so an invalid escape is the only thing decoding can refuse.
        private static bool Decodes(JsonElement value)
        {
            try { value.GetString(); return true; }
            catch (InvalidOperationException) { return false; }
        }

        private static bool TryName(JsonProperty property, out string name)
        {
            try { name = property.Name; return true; }
            catch (InvalidOperationException) { name = ""; return false; }
        }
    }
}
