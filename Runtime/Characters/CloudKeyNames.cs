using System.Linq;

namespace VoiceNpc.Characters
{
    /// <summary>
    /// The names a character may give a key of the user's secrets file ("key": "groq"). Here, not with the cloud
    /// providers, because the loader checks them whether or not the cloud assembly is there.
    /// </summary>
    public static class CloudKeyNames
    {
        /// <summary>Whether a key name is one a character may write (and so a secrets file may define).</summary>
        public static bool IsKeyName(string name) =>
            name.Length > 0 && name.Length <= 32 && name.All(c => (c < 128 && char.IsLetterOrDigit(c)) || c == '-' || c == '_');

        public const string KeyNameRule = "1 to 32 letters, digits, '-' or '_'";
    }
}
