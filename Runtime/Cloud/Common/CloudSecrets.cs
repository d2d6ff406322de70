using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using VoiceNpc.Characters;

namespace VoiceNpc.Providers.Cloud
{
    /// <summary>
    /// The user's secrets file (~/.config/voicenpc/secrets.json, outside any project). Two kinds of entry:
    /// <code>
    /// {
    ///   "OPENAI_API_KEY": "sk-…",                      // a service's own key, as the environment variable would hold it,
    ///   "OPENAI_BASE_URL": "https://proxy.example/v1",  // and optionally the base URL it belongs to (else the environment's or the vendor's)
    ///   "keys": {                                        // named keys, each bound to a base URL; a character uses one with "key": "groq"
    ///     "groq": { "key": "gsk_…", "baseUrl": "https://api.groq.com/openai/v1" }
    ///   }
    /// }
    /// </code>
    /// A malformed file is a <see cref="CloudSecretsException"/> naming the file and the JSON path, never a value.
    /// </summary>
    public sealed class CloudSecrets
    {
        public const string KeysField = "keys";

        /// <summary>Where the file is, as messages to players and authors say it (<see cref="CloudKey.DefaultSecretsFile"/> is this user's).</summary>
        public const string UserPath = "~/.config/voicenpc/secrets.json";
        private static readonly string[] EntryFields = { "key", "baseUrl" };
        private readonly Dictionary<string, string> _variables;
        private readonly Dictionary<string, BoundKey> _named;

        private CloudSecrets(string file, Dictionary<string, string> variables, Dictionary<string, BoundKey> named)
        {
            File = file;
            _variables = variables;
            _named = named;
        }

        public string File { get; }

        /// <summary>A top-level string entry ("OPENAI_API_KEY"); null when absent or blank.</summary>
        public string? Variable(string name) => _variables.TryGetValue(name, out var value) ? value : null;

        /// <summary>A named key with its base URL ("keys": {"groq": …}); null when there is none of that name.</summary>
        public BoundKey? Named(string name) => _named.TryGetValue(name, out var key) ? key : null;

        /// <summary>Whether a key name is one a character may write (and so a secrets file may define).</summary>
        public static bool IsKeyName(string name) => CloudKeyNames.IsKeyName(name);

        public const string KeyNameRule = CloudKeyNames.KeyNameRule;

        /// <summary>The file's entries; an absent file has none.</summary>
        public static CloudSecrets Load(string file)
        {
            var variables = new Dictionary<string, string>(StringComparer.Ordinal);
            var named = new Dictionary<string, BoundKey>(StringComparer.OrdinalIgnoreCase);
            if (!System.IO.File.Exists(file)) return new CloudSecrets(file, variables, named);
            using (var json = Parse(file))
            {
                var root = json.RootElement;
                if (root.ValueKind != JsonValueKind.Object) throw new CloudSecretsException(file, "$", "an object of keys");
                foreach (var property in root.EnumerateObject())
                {
                    if (property.Name == KeysField) ReadNamed(file, property.Value, named);
                    else variables[property.Name] = ReadVariable(file, property);
                }
            }
            foreach (var name in variables.Where(p => p.Value.Length == 0).Select(p => p.Key).ToList()) variables.Remove(name);
            foreach (var pair in variables.Where(p => p.Key.EndsWith("_BASE_URL", StringComparison.Ordinal)))
                CheckBaseUrl(file, "$." + pair.Key, pair.Value);
            return new CloudSecrets(file, variables, named);
        }

        private static JsonDocument Parse(string file)
        {
            string text;
            try { text = System.IO.File.ReadAllText(file); }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                throw new CloudSecretsException(file, "$", "a readable file (" + e.Message + ")");
            }
            var options = new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };
            try { return JsonDocument.Parse(text.TrimStart('\uFEFF'), options); }
            catch (JsonException e)
            {
                // The position only: the parser's message may quote the file, which holds keys.
                throw new CloudSecretsException(file, $"line {(e.LineNumber ?? 0) + 1}, byte {(e.BytePositionInLine ?? 0) + 1}", "well-formed JSON");
            }
        }

        private static string ReadVariable(string file, JsonProperty property)
        {
            if (property.Value.ValueKind != JsonValueKind.String)
                throw new CloudSecretsException(file, "$." + property.Name, $"a string (or \"{KeysField}\" for named keys)");
            return property.Value.GetString()!.Trim();
        }

        private static void ReadNamed(string file, JsonElement keys, Dictionary<string, BoundKey> named)
        {
            string path = "$." + KeysField;
            if (keys.ValueKind != JsonValueKind.Object)
                throw new CloudSecretsException(file, path, "an object of named keys, {\"NAME\": {\"key\": …, \"baseUrl\": …}}");
            foreach (var entry in keys.EnumerateObject())
            {
                string at = $"{path}.{entry.Name}";
                if (!IsKeyName(entry.Name)) throw new CloudSecretsException(file, at, "a key name of " + KeyNameRule);
                if (named.ContainsKey(entry.Name)) throw new CloudSecretsException(file, at, "a unique key name (names are not case-sensitive)");
                if (entry.Value.ValueKind != JsonValueKind.Object) throw new CloudSecretsException(file, at, "an object {\"key\": …, \"baseUrl\": …}");
                foreach (var field in entry.Value.EnumerateObject())
                    if (!EntryFields.Contains(field.Name))
                        throw new CloudSecretsException(file, $"{at}.{field.Name}", "no such field (a named key has \"key\" and \"baseUrl\")");
                string key = RequiredString(file, entry.Value, "key", at);
                var baseUrl = CheckBaseUrl(file, at + ".baseUrl", RequiredString(file, entry.Value, "baseUrl", at));
                named[entry.Name] = new BoundKey(CloudKey.FromValue(key, $"key \"{entry.Name}\" in {file}"), baseUrl, $"{at}.baseUrl in {file}");
            }
        }

        private static string RequiredString(string file, JsonElement entry, string field, string at)
        {
            if (!entry.TryGetProperty(field, out var value)) throw new CloudSecretsException(file, $"{at}.{field}", "a value (the field is required)");
            if (value.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(value.GetString()))
                throw new CloudSecretsException(file, $"{at}.{field}", "a non-empty string");
            return value.GetString()!.Trim();
        }

        private static Uri CheckBaseUrl(string file, string path, string text)
        {
            if (!Uri.TryCreate(text, UriKind.Absolute, out var uri)) throw new CloudSecretsException(file, path, "an absolute URL");
            if (CloudEndpoint.Problem(uri) is string problem) throw new CloudSecretsException(file, path, "a usable base URL: " + problem);
            return uri;
        }
    }
}
