using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;

namespace VoiceNpc.Tests.Fuzzing.Harness
{
    /// <summary>
    /// Structure-aware mutations of JSON text: a value replaced by one of another type, a huge or tiny number, a
    /// lone surrogate or invalid UTF-8 inside a string, a duplicated key, deep nesting, many unknown fields; or a
    /// format-blind byte edit. The seed's tokens are found with Utf8JsonReader, so the edits land on real values.
    /// </summary>
    internal static class JsonMutator
    {
        public static readonly string[] InterestingValues =
        {
            "null", "true", "false", "0", "-0", "-1", "0.5", "1e2", "2147483648", "-2147483649", "4294967296", "9223372036854775808",
            "1e400", "-1e400", "1e-400", "1.7976931348623157e308", new string('9', 400), "[]", "{}", "[null]", "[1,2]", "{\"a\":1}",
            "\"\"", "\" \"", "\"x\"", "\"\\ud800\"", "\"\\udc00\\ud800\"", "\"a\\u0000b\"", "\"\\u001b[2J\\u0007\"", "\"https://evil.example/v1\"",
        };

        /// <summary>Bytes put inside a string: lone surrogate escapes, invalid and overlong UTF-8, control characters.</summary>
        private static readonly byte[][] StringInjections =
        {
            Encoding.ASCII.GetBytes("\\ud800"), Encoding.ASCII.GetBytes("\\udfff"), Encoding.ASCII.GetBytes("\\ud800\\u0041"),
            new byte[] { 0xFF }, new byte[] { 0xC0, 0xAF }, new byte[] { 0xED, 0xA0, 0x80 }, new byte[] { 0xF4, 0x90, 0x80, 0x80 },
            new byte[] { 0xE2, 0x82 }, new byte[] { 0x01 }, new byte[] { 0x1B, 0x5B, 0x33, 0x31, 0x6D }, Encoding.ASCII.GetBytes("\\u001b\\u0007"),
            Encoding.ASCII.GetBytes("\\\""), Encoding.ASCII.GetBytes("\\x"),
        };

        private static readonly int[] Depths = { 10, 63, 64, 65, 1000, 10_000 };

        /// <summary>Every seed with each value replaced by each interesting value, and each key duplicated (for small seeds).</summary>
        public static IEnumerable<byte[]> Systematic(IReadOnlyList<byte[]> seeds)
        {
            foreach (var seed in seeds) yield return seed;
            foreach (var seed in seeds.Where(s => s.Length <= 4096))
            {
                var tokens = Tokens(seed);
                foreach (var value in tokens.Where(t => t.IsValue))
                    foreach (var replacement in InterestingValues)
                        yield return Splice(seed, value.Start, value.End, Encoding.UTF8.GetBytes(replacement));
                foreach (var property in tokens.Where(t => t.IsProperty)) yield return Duplicate(seed, property);
                foreach (var text in tokens.Where(t => t.IsString))
                    foreach (var injection in StringInjections)
                        yield return Splice(seed, text.End - 1, text.End - 1, injection);
            }
        }

        public static byte[] Mutate(Random random, IReadOnlyList<byte[]> seeds)
        {
            var seed = seeds[random.Next(seeds.Count)];
            var tokens = Tokens(seed);
            int edits = 1 + random.Next(3);
            for (int e = 0; e < edits; e++)
            {
                seed = Edit(random, seed, tokens, seeds);
                tokens = Tokens(seed);
            }
            return seed;
        }

        private static byte[] Edit(Random random, byte[] json, List<Token> tokens, IReadOnlyList<byte[]> seeds)
        {
            var values = tokens.Where(t => t.IsValue).ToList();
            var properties = tokens.Where(t => t.IsProperty).ToList();
            var strings = tokens.Where(t => t.IsString).ToList();
            switch (random.Next(8))
            {
                case 0 when values.Count > 0:
                    var value = Pick(random, values);
                    return Splice(json, value.Start, value.End, Encoding.UTF8.GetBytes(Pick(random, InterestingValues)));
                case 1 when properties.Count > 0: return Duplicate(json, Pick(random, properties));
                case 2 when strings.Count > 0:
                    var text = Pick(random, strings);
                    int inside = text.Start + 1 + random.Next(Math.Max(1, text.End - text.Start - 1));
                    return Splice(json, inside, inside, StringInjections[random.Next(StringInjections.Length)]);
                case 3 when values.Count > 0:   // deep nesting around a value
                    var nested = Pick(random, values);
                    int depth = Depths[random.Next(Depths.Length)];
                    var body = json.AsSpan(nested.Start, nested.End - nested.Start).ToArray();
                    return Splice(json, nested.Start, nested.End, Encoding.ASCII.GetBytes(new string('[', depth)).Concat(body).Concat(Encoding.ASCII.GetBytes(new string(']', depth))).ToArray());
                case 4 when values.Count > 0:   // a very long string
                    var longValue = Pick(random, values);
                    return Splice(json, longValue.Start, longValue.End, Encoding.UTF8.GetBytes("\"" + new string('é', 1 + random.Next(200_000)) + "\""));
                case 5:   // many unknown fields after the first brace
                    int brace = Array.IndexOf(json, (byte)'{');
                    if (brace < 0) break;
                    var fields = string.Concat(Enumerable.Range(0, 1 + random.Next(5000)).Select(i => $"\"unknown{i}\":{i},"));
                    return Splice(json, brace + 1, brace + 1, Encoding.UTF8.GetBytes(fields));
                case 6 when values.Count > 1:   // one value moved over another (splices structure)
                    var a = Pick(random, values);
                    var b = Pick(random, values);
                    return Splice(json, a.Start, a.End, json.AsSpan(b.Start, b.End - b.Start).ToArray());
            }
            return ByteMutator.Mutate(random, new[] { json }.Concat(seeds).ToList());
        }

        private static T Pick<T>(Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];

        private static byte[] Duplicate(byte[] json, Token property) =>
            Splice(json, property.ValueEnd, property.ValueEnd, new byte[] { (byte)',' }.Concat(json.AsSpan(property.Start, property.ValueEnd - property.Start).ToArray()).ToArray());

        private static byte[] Splice(byte[] json, int start, int end, byte[] replacement) =>
            json.Take(start).Concat(replacement).Concat(json.Skip(end)).ToArray();

        /// <summary>The tokens of the JSON up to where it stops being readable (a broken seed yields its readable head).</summary>
        private static List<Token> Tokens(byte[] json)
        {
            var tokens = new List<Token>();
            var open = new Stack<int>();   // indices into tokens of the containers not yet closed
            var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true, MaxDepth = 100_000 });
            try
            {
                while (reader.Read())
                {
                    int start = (int)reader.TokenStartIndex;
                    switch (reader.TokenType)
                    {
                        case JsonTokenType.StartObject:
                        case JsonTokenType.StartArray:
                            open.Push(tokens.Count);
                            tokens.Add(new Token(start, start + 1, reader.TokenType));
                            break;
                        case JsonTokenType.EndObject:
                        case JsonTokenType.EndArray:
                            if (open.Count > 0) tokens[open.Pop()].End = start + 1;
                            break;
                        case JsonTokenType.String:
                        case JsonTokenType.PropertyName:
                            tokens.Add(new Token(start, start + reader.ValueSpan.Length + 2, reader.TokenType));
                            break;
                        default:
                            tokens.Add(new Token(start, start + reader.ValueSpan.Length, reader.TokenType));
                            break;
                    }
                }
            }
            catch (JsonException) { }
            // A property's value is the token after its name.
            for (int i = 0; i + 1 < tokens.Count; i++)
                if (tokens[i].IsProperty) tokens[i].ValueEnd = tokens[i + 1].End;
            return tokens.Where(t => t.End > t.Start && (!t.IsProperty || t.ValueEnd > t.End)).ToList();
        }

        private sealed class Token
        {
            public Token(int start, int end, JsonTokenType type)
            {
                Start = start;
                End = end;
                Type = type;
            }

            public int Start { get; }
            public int End { get; set; }
            public int ValueEnd { get; set; }
            public JsonTokenType Type { get; }
            public bool IsProperty => Type == JsonTokenType.PropertyName;
            public bool IsString => Type == JsonTokenType.String || Type == JsonTokenType.PropertyName;
            public bool IsValue => !IsProperty;
        }
    }
}
