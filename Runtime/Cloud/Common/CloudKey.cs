using System;
using System.IO;

namespace VoiceNpc.Providers.Cloud
{
    /// <summary>
    /// An API key, from an environment variable or the user's secrets file (~/.config/voicenpc/secrets.json, outside
    /// any project; <see cref="CloudKeyring"/> binds each key to its base URL). It never prints itself: <see cref="ToString"/>
    /// is redacted, and <see cref="Scrub"/> removes it from text a vendor sends back, so keys stay out of logs, traces and
    /// exception messages.
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

        /// <summary>A key given in code (tests, a game's own secret store).</summary>
        public static CloudKey FromValue(string value, string source = "the game") => new CloudKey(value, source);

        public static string DefaultSecretsFile =>
            Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".config", "voicenpc", "secrets.json");

        /// <summary>Removes the key, and any run of 8 or more of its characters a vendor echoes back, from a text.</summary>
        public string Scrub(string text) => _scrubber.Value.Scrub(text);
    }
}
