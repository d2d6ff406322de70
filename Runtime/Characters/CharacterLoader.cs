using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;

namespace VoiceNpc.Characters
{
    /// <summary>
    /// Loads <c>*.character.json</c> files. Every problem in a file is reported at once with its JSON path;
    /// a file with any problem yields no character at all (it never half-loads).
    /// </summary>
    public static class CharacterLoader
    {
        public const string FileSuffix = ".character.json";

        private static readonly string[] TopLevelFields =
        {
            "$schema", "id", "displayName", "persona", "voices", "fallbacks", "turnTaking", "greetings", "intents",
            "dontUnderstand", "fillers", "vocabulary", "memory", "cloud", "prompt", "deadlines",
        };

        private static readonly string[] MemoryFields = { "maxTurns", "maxSummaryCharacters" };

        private static readonly string[] TurnTakingFields =
        {
            "vadThreshold", "speechStartSeconds", "vadStopSeconds", "maxTurnSeconds", "bargeInMinSeconds",
            "thinkingBudgetSeconds", "preRollSeconds",
        };

        /// <summary>Loads a file; every problem, including an unreadable, oversized or non-UTF-8 file, is a <see cref="CharacterLoadException"/>.</summary>
        public static CharacterDefinition Load(string path) => Parse(CharacterFileReader.Read(path), path);

        /// <summary>Checks a file without throwing: the list is empty when the character is valid.</summary>
        public static IReadOnlyList<CharacterProblem> Validate(string path)
        {
            try { Load(path); return Array.Empty<CharacterProblem>(); }
            catch (CharacterLoadException e) { return e.Problems; }
        }

        /// <summary>Parses text already in memory (an editor's buffer) exactly as <see cref="Load"/> parses a file.</summary>
        public static CharacterDefinition Parse(string json, string file) => Parse(CharacterEncoding.Encode(json, file), file);

        /// <summary>Parses a file's bytes, which must be UTF-8 (a byte-order mark allowed).</summary>
        public static CharacterDefinition Parse(byte[] utf8, string file)
        {
            if (utf8.Length > TextLimits.FileBytes)
                throw CharacterLoadException.At(file, "$", TextLimits.TooLargeFile($"{utf8.Length} bytes"));
            var document = ParseJson(CharacterEncoding.Check(utf8, file), file);
            using (document)
            {
                var reader = new JsonFieldReader(file);
                var root = document.RootElement;
                JsonTextGuard.Check(root, "$", reader);
                if (reader.HasProblems) throw reader.Failure();   // reading fields would meet what the guard refused
                if (!reader.IsObject(root, "$")) throw reader.Failure();
                reader.RejectUnknown(root, "$", TopLevelFields);

                var character = new CharacterDefinition
                {
                    Id = ReadId(reader, root),
                    DisplayName = reader.String(root, "displayName", "$", required: true, maxLength: TextLimits.DisplayName),
                    Persona = reader.String(root, "persona", "$", required: true, maxLength: TextLimits.Persona),
                    Prompt = PromptSection.Read(reader, root),
                    Voices = ReadVoices(reader, root),
                    Fallbacks = ReadChains(reader, root),
                    TurnTaking = ReadTurnTaking(reader, root),
                    Deadlines = DeadlinesSection.Read(reader, root),
                    Memory = ReadMemory(reader, root),
                    Cloud = ReadCloud(reader, root),
                    Greetings = reader.Strings(root, "greetings", "$", minCount: 1, maxLength: TextLimits.Line),
                    Intents = ReadIntents(reader, root),
                    DontUnderstand = reader.Strings(root, "dontUnderstand", "$", minCount: 1, maxLength: TextLimits.Line),
                    Fillers = reader.Strings(root, "fillers", "$", minCount: 1, maxLength: TextLimits.Filler),
                    Vocabulary = reader.Strings(root, "vocabulary", "$", minCount: 0, maxCount: TextLimits.VocabularyItems, maxLength: TextLimits.Phrase),
                    SourcePath = file,
                };
                CrossCheck(reader, character);
                if (reader.HasProblems) throw reader.Failure();
                return character;
            }
        }

        private static JsonDocument ParseJson(ReadOnlyMemory<byte> utf8, string file)
        {
            try
            {
                return JsonDocument.Parse(utf8, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            }
            catch (JsonException e)
            {
                string where = e.LineNumber is long line ? $"line {line + 1}, byte {e.BytePositionInLine + 1}" : "$";
                throw CharacterLoadException.At(file, where, "well-formed JSON: " + FirstSentence(e.Message));
            }
        }

        private static string ReadId(JsonFieldReader reader, JsonElement root)
        {
            string id = reader.String(root, "id", "$", required: true, maxLength: TextLimits.Id);
            if (id.Length > 0 && !id.All(c => char.IsLetterOrDigit(c) || c == '-' || c == '_'))
                reader.Problem("$.id", $"letters, digits, '-' or '_' only (it names files and saves), found \"{id}\"");
            return id;
        }

        private static IReadOnlyDictionary<string, VoiceSettings> ReadVoices(JsonFieldReader reader, JsonElement root)
        {
            var voices = new Dictionary<string, VoiceSettings>(StringComparer.OrdinalIgnoreCase);
            if (!reader.TryGet(root, "voices", "$", true, out var element) || !reader.IsObject(element, "$.voices")) return voices;
            foreach (var property in element.EnumerateObject())
            {
                string path = $"$.voices.{property.Name}";
                if (!reader.IsObject(property.Value, path)) continue;
                reader.RejectUnknown(property.Value, path, new[] { "voice", "pitch", "rate" });
                string voice = reader.String(property.Value, "voice", path, required: true, maxLength: TextLimits.Phrase);
                double? pitch = reader.OptionalNumber(property.Value, "pitch", path, 40, 400);
                double rate = reader.Number(property.Value, "rate", path, 1.0, 0.25, 4.0);
                voices[property.Name] = new VoiceSettings(voice, pitch is double p ? (float)p : (float?)null, (float)rate);
            }
            return voices;
        }

        private static IReadOnlyDictionary<string, CloudSettings> ReadCloud(JsonFieldReader reader, JsonElement root)
        {
            var cloud = new Dictionary<string, CloudSettings>(StringComparer.OrdinalIgnoreCase);
            if (!reader.TryGet(root, "cloud", "$", false, out var element) || !reader.IsObject(element, "$.cloud")) return cloud;
            foreach (var property in element.EnumerateObject())
            {
                string path = $"$.cloud.{property.Name}";
                if (!ProviderNames.Cloud.Contains(property.Name.ToLowerInvariant()))
                {
                    reader.Problem(path, $"one of the cloud services {string.Join(", ", ProviderNames.Cloud)}");
                    continue;
                }
                if (!reader.IsObject(property.Value, path)) continue;
                reader.RejectUnknown(property.Value, path, new[] { "baseUrl", "model", "key" });
                string url = reader.String(property.Value, "baseUrl", path, required: false);
                if (url.Length > 0 && !Uri.TryCreate(url, UriKind.Absolute, out _)) reader.Problem($"{path}.baseUrl", $"an absolute URL, found \"{url}\"");
                string model = reader.String(property.Value, "model", path, required: false);
                string? key = ReadKeyName(reader, property.Value, path);
                cloud[property.Name.ToLowerInvariant()] = new CloudSettings(url.Length > 0 ? url : null, model.Length > 0 ? model : null, key);
            }
            return cloud;
        }

        /// <summary>
        /// The name of the user's key for the service ("key": "groq"). The file may be shared, so a value that is not a key
        /// name (it may be a pasted key) is refused without being repeated in the message.
        /// </summary>
        private static string? ReadKeyName(JsonFieldReader reader, JsonElement service, string path)
        {
            if (!service.TryGetProperty("key", out var value)) return null;
            if (value.ValueKind == JsonValueKind.String && CloudKeyNames.IsKeyName(value.GetString()!)) return value.GetString();
            reader.Problem($"{path}.key", $"the name of a key in the user's secrets file ({CloudKeyNames.KeyNameRule}), never the key itself");
            return null;
        }

        private static StageChains ReadChains(JsonFieldReader reader, JsonElement root)
        {
            if (!reader.TryGet(root, "fallbacks", "$", false, out var element)) return StageChains.Embedded;
            if (!reader.IsObject(element, "$.fallbacks")) return StageChains.Embedded;
            reader.RejectUnknown(element, "$.fallbacks", new[] { "vad", "stt", "llm", "tts" });
            return new StageChains(
                Chain(reader, element, "vad", ProviderNames.Vad, StageChains.Embedded.Vad),
                Chain(reader, element, "stt", ProviderNames.Stt, StageChains.Embedded.Stt),
                Chain(reader, element, "llm", ProviderNames.Llm, StageChains.Embedded.Llm),
                Chain(reader, element, "tts", ProviderNames.Tts, StageChains.Embedded.Tts));
        }

        private static IReadOnlyList<string> Chain(JsonFieldReader reader, JsonElement chains, string stage, IReadOnlyList<string> known, IReadOnlyList<string> fallback)
        {
            if (!reader.TryGet(chains, stage, "$.fallbacks", false, out _)) return fallback;
            var names = reader.Strings(chains, stage, "$.fallbacks", minCount: 1, maxCount: TextLimits.ChainProviders, maxLength: TextLimits.Phrase);
            for (int i = 0; i < names.Count; i++)
            {
                if (!known.Contains(names[i], StringComparer.OrdinalIgnoreCase))
                    reader.Problem($"$.fallbacks.{stage}[{i}]", $"one of {string.Join(", ", known)}, found \"{names[i]}\"");
            }
            return names.Count > 0 ? names.Select(n => n.ToLowerInvariant()).ToArray() : fallback;
        }

        private static TurnTakingSettings ReadTurnTaking(JsonFieldReader reader, JsonElement root)
        {
            var defaults = TurnTakingSettings.Default;
            if (!reader.TryGet(root, "turnTaking", "$", false, out var t) || !reader.IsObject(t, "$.turnTaking")) return defaults;
            const string path = "$.turnTaking";
            reader.RejectUnknown(t, path, TurnTakingFields);
            return new TurnTakingSettings
            {
                VadThreshold = (float)reader.Number(t, "vadThreshold", path, defaults.VadThreshold, 0.05, 0.95),
                SpeechStartSeconds = reader.Number(t, "speechStartSeconds", path, defaults.SpeechStartSeconds, 0.02, 2),
                VadStopSeconds = reader.Number(t, "vadStopSeconds", path, defaults.VadStopSeconds, 0.06, 5),
                MaxTurnSeconds = reader.Number(t, "maxTurnSeconds", path, defaults.MaxTurnSeconds, 1, 120),
                BargeInMinSeconds = reader.Number(t, "bargeInMinSeconds", path, defaults.BargeInMinSeconds, 0.06, 5),
                ThinkingBudgetSeconds = reader.Number(t, "thinkingBudgetSeconds", path, defaults.ThinkingBudgetSeconds, 0.1, 30),
                PreRollSeconds = reader.Number(t, "preRollSeconds", path, defaults.PreRollSeconds, 0, 2),
            };
        }

        private static MemorySettings ReadMemory(JsonFieldReader reader, JsonElement root)
        {
            var defaults = MemorySettings.Default;
            if (!reader.TryGet(root, "memory", "$", false, out var m) || !reader.IsObject(m, "$.memory")) return defaults;
            const string path = "$.memory";
            reader.RejectUnknown(m, path, MemoryFields);
            return new MemorySettings
            {
                MaxTurns = reader.Integer(m, "maxTurns", path, defaults.MaxTurns, 1, 500),
                MaxSummaryCharacters = reader.Integer(m, "maxSummaryCharacters", path, defaults.MaxSummaryCharacters, 0, 100_000),
            };
        }

        private static IReadOnlyList<Intent> ReadIntents(JsonFieldReader reader, JsonElement root)
        {
            var intents = new List<Intent>();
            if (!reader.TryGet(root, "intents", "$", true, out var element)) return intents;
            if (!reader.IsArray(element, "$.intents", "intents", TextLimits.Intents)) return intents;
            int index = 0;
            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var item in element.EnumerateArray().Take(TextLimits.Intents))
            {
                string path = $"$.intents[{index++}]";
                if (!reader.IsObject(item, path)) continue;
                reader.RejectUnknown(item, path, new[] { "id", "keywords", "examples", "lines", "remember" });
                string id = reader.String(item, "id", path, required: true, maxLength: TextLimits.Phrase);
                if (id.Length > 0 && !seen.Add(id)) reader.Problem($"{path}.id", $"a unique intent id, \"{id}\" is used twice");
                intents.Add(new Intent(
                    id,
                    reader.Strings(item, "keywords", path, minCount: 1, maxLength: TextLimits.Phrase),
                    reader.Strings(item, "examples", path, minCount: 0, maxLength: TextLimits.Example),
                    reader.Strings(item, "lines", path, minCount: 1, maxLength: TextLimits.Line))
                {
                    Remember = item.TryGetProperty("remember", out _) ? reader.String(item, "remember", path, required: true, maxLength: TextLimits.Phrase) : null,
                });
            }
            if (index == 0) reader.Problem("$.intents", "at least 1 intent");
            return intents;
        }

        private static void CrossCheck(JsonFieldReader reader, CharacterDefinition character)
        {
            for (int i = 0; i < character.Fallbacks.Tts.Count; i++)
            {
                string provider = character.Fallbacks.Tts[i];
                if (!character.Voices.ContainsKey(provider))
                    reader.Problem("$.voices", $"a voice for \"{provider}\", which $.fallbacks.tts[{i}] uses");
            }
        }

        private static string FirstSentence(string message)
        {
            int end = message.IndexOf(". ", StringComparison.Ordinal);
            return end < 0 ? message : message.Substring(0, end + 1);
        }
    }
}
