using System;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using VoiceNpc.Characters;

namespace VoiceNpc.Caching
{
    /// <summary>What makes two syntheses the same: provider, voice and its settings, and the exact text.</summary>
    public sealed record AudioCacheKey(string Provider, VoiceSettings Voice, string Text)
    {
        /// <summary>The content address: SHA-256 of every part, as 64 hex digits.</summary>
        public string Hash
        {
            get
            {
                string pitch = Voice.Pitch?.ToString("R", CultureInfo.InvariantCulture) ?? "-";
                string canonical = string.Join("\n", "v1", Provider, Voice.Voice, pitch, Voice.Rate.ToString("R", CultureInfo.InvariantCulture), Text);
                using var sha = SHA256.Create();
                var digest = sha.ComputeHash(Encoding.UTF8.GetBytes(canonical));
                var hex = new StringBuilder(64);
                foreach (byte b in digest) hex.Append(b.ToString("x2"));
                return hex.ToString();
            }
        }
    }
}
