using System;
using System.IO;
using System.Text.Json;

namespace VoiceNpc.Providers.Cloud
{
    /// <summary>
    /// An API key, from an environment variable or the user's secrets file (~/.config/voicenpc/secrets.json, outside
    /// any project). It never prints itself: <see cref="ToString"/> is redacted, and <see cref="Scrub"/> removes it from
    /// text a vendor sends back, so keys stay out of logs, traces and exception messages.
    /// </summary>
    public sealed class CloudKey
    {
        private CloudKey(string value, string source)
        {
            Value = value;
            Source = source;
            _scrubber = new Lazy<KeyScrubber>(() => new KeyScrubber(value));
        }

        private readonly Lazy<KeyScrubber> _scrubber;

        /// <summary>The key itself: only for the Authorization header.</summary>
        internal string Value { get; }

        /// <summary>Where it came from, e.g. "environment variable OPENAI_API_KEY".</summary>
        public string Source { get; }

        public override string ToString() => $"(key from {Source})";

        /// <summary>The key, from the environment or the secrets file; null when neither has it.</summary>
        public static CloudKey? Find(string variable, string? secretsFile = null)
        {
            string? value = Environment.GetEnvironmentVariable(variable);
            if (!string.IsNullOrWhiteSpace(value)) return new CloudKey(value!.Trim(), $"environment variable {variable}");
            string file = secretsFile ?? DefaultSecretsFile;
            if (!File.Exists(file)) return null;
            try
            {
                using var json = JsonDocument.Parse(File.ReadAllText(file));
                if (json.RootElement.ValueKind == JsonValueKind.Object && json.RootElement.TryGetProperty(variable, out var v) &&
                    v.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(v.GetString()))
                    return new CloudKey(v.GetString()!.Trim(), $"{variable} in {file}");
            }
            catch (JsonException) { }
            catch (IOException) { }
            return null;
        }

        /// <summary>A key given in code (tests, a game's own secret store).</summary>
        public static CloudKey FromValue(string value, string source = "the game") => new CloudKey(value, source);

        public static string DefaultSecretsFile =>
            Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".config", "voicenpc", "secrets.json");

        /// <summary>Removes the key, and any run of 8 or more of its characters a vendor echoes back, from a text.</summary>
        public string Scrub(string text) => _scrubber.Value.Scrub(text);
    }
}
