using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;

namespace VoiceNpc.Providers.Cloud
{
    /// <summary>
    /// A value in a vendor's JSON message, read defensively: malformed JSON, a missing field, a field of the wrong kind
    /// or a time out of range is a <see cref="ProviderException"/> naming the message and the field's JSON path, never a
    /// KeyNotFound, InvalidOperation, IndexOutOfRange or Overflow from deep inside (the stage then falls back as for any
    /// failed provider). A null field counts as absent.
    /// </summary>
    internal readonly struct VendorJson
    {
        /// <summary>The largest time a vendor may give (seconds, either way from the start of an utterance, stream or chunk).</summary>
        public const double MaxSeconds = 24 * 60 * 60;

        private readonly string _provider, _message;

        private VendorJson(string provider, string message, JsonElement element, string path)
        {
            _provider = provider;
            _message = message;
            Element = element;
            Path = path;
        }

        public JsonElement Element { get; }
        public string Path { get; }
        public JsonValueKind Kind => Element.ValueKind;

        /// <summary>The parsed text (the caller disposes it), or a <see cref="ProviderException"/> quoting its start.</summary>
        public static JsonDocument Parse(string provider, string message, string text)
        {
            try { return JsonDocument.Parse(text); }
            catch (JsonException e)
            {
                string start = text.Length > 80 ? text.Substring(0, 80) + "…" : text;
                throw new ProviderException(provider, $"a malformed {message} ({e.Message.Split('.')[0]}): {start}");
            }
        }

        public static VendorJson Root(string provider, string message, JsonDocument document) => new VendorJson(provider, message, document.RootElement, "$");

        /// <summary>A required field of this object.</summary>
        public VendorJson this[string name] => TryGet(name, out var value) ? value : throw Wrong($"{Path}.{name}", "present");

        /// <summary>A required element of this array.</summary>
        public VendorJson this[int index]
        {
            get
            {
                Expect(JsonValueKind.Array, "an array");
                if (index >= Element.GetArrayLength()) throw Wrong($"{Path}[{index}]", "present (the array is shorter)");
                return new VendorJson(_provider, _message, Element[index], $"{Path}[{index}]");
            }
        }

        /// <summary>An optional field of this object (which must be an object).</summary>
        public bool TryGet(string name, out VendorJson value)
        {
            Expect(JsonValueKind.Object, "an object");
            JsonElement element;
            bool present;
            // Finding a name unescapes the names before it: a lone surrogate escape (\ud800) in one throws.
            try { present = Element.TryGetProperty(name, out element) && element.ValueKind != JsonValueKind.Null; }
            catch (InvalidOperationException) { throw Wrong(Path, "an object whose names are valid text (a name holds a lone surrogate escape)"); }
            value = present ? new VendorJson(_provider, _message, element, $"{Path}.{name}") : default;
            return present;
        }

        public IEnumerable<VendorJson> Items()
        {
            Expect(JsonValueKind.Array, "an array");
            var self = this;
            return Element.EnumerateArray().Select((item, i) => new VendorJson(self._provider, self._message, item, $"{self.Path}[{i}]"));
        }

        public string String()
        {
            Expect(JsonValueKind.String, "a string");
            try { return Element.GetString() ?? ""; }
            catch (InvalidOperationException) { throw Wrong(Path, "valid text (it holds a lone surrogate escape)"); }
        }

        /// <summary>A string's text, or the JSON of any other value (for a vendor's error, whatever its shape).</summary>
        public string Text() => Kind == JsonValueKind.String ? String() : Element.GetRawText();

        /// <summary>An optional string field; <paramref name="fallback"/> when absent.</summary>
        public string String(string name, string fallback) => TryGet(name, out var value) ? value.String() : fallback;

        /// <summary>An optional boolean field; false when absent.</summary>
        public bool Flag(string name)
        {
            if (!TryGet(name, out var value)) return false;
            if (value.Kind != JsonValueKind.True && value.Kind != JsonValueKind.False) throw value.Wrong(value.Path, "true or false");
            return value.Kind == JsonValueKind.True;
        }

        /// <summary>A number from <paramref name="min"/> to <paramref name="max"/> (JSON's 1e400 reads as infinity: out of range too).</summary>
        public double Number(double min, double max)
        {
            Expect(JsonValueKind.Number, "a number");
            double number = Element.GetDouble();
            if (!(number >= min && number <= max)) throw Wrong(Path, $"a number from {min} to {max}");
            return number;
        }

        /// <summary>A time in seconds within <see cref="MaxSeconds"/> either way (chunk-relative times may be negative).</summary>
        public double Seconds() => Number(-MaxSeconds, MaxSeconds);

        private void Expect(JsonValueKind kind, string what)
        {
            if (Kind != kind) throw Wrong(Path, what);
        }

        private ProviderException Wrong(string path, string expected)
        {
            string found = path == Path ? $", found {Describe(Element)}" : "";
            return new ProviderException(_provider, $"a malformed {_message}: {path} should be {expected}{found}");
        }

        private static string Describe(JsonElement element)
        {
            string raw = element.ValueKind == JsonValueKind.Undefined ? "nothing" : element.GetRawText();
            return $"{element.ValueKind.ToString().ToLowerInvariant()} {(raw.Length > 40 ? raw.Substring(0, 40) + "…" : raw)}";
        }
    }
}
