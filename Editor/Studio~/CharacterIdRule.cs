using System;
using System.Linq;

namespace VoiceNpc.Studio
{
    /// <summary>
    /// What a new character's id may be. The id names the character's file (and the game's saves), so it must make a
    /// file name on every platform: ASCII letters, digits, '-' and '_' (the loader's rule, without letters other
    /// file systems spell differently), short enough for the temp and backup names made beside it, and not a name
    /// Windows reserves for a device (con, nul, com1… — with any extension).
    /// </summary>
    internal static class CharacterIdRule
    {
        public const int MaxLength = 64;
        private static readonly string[] Reserved = { "con", "prn", "aux", "nul" };

        /// <summary>Why <paramref name="id"/> cannot be a new character's id, or null when it can.</summary>
        public static string? Problem(string id)
        {
            if (id.Length > MaxLength) return $"the id is {id.Length} characters long; at most {MaxLength} (it names the character's files)";
            if (!id.All(c => c < 128 && (char.IsLetterOrDigit(c) || c == '-' || c == '_')))
                return "the id may use letters a-z and A-Z, digits, '-' and '_' only (it names the character's files)";
            if (IsReserved(id.ToLowerInvariant())) return $"\"{id}\" is a device name on Windows and cannot name a file there; choose another id";
            return null;
        }

        private static bool IsReserved(string id) =>
            Reserved.Contains(id) || (id.Length == 4 && (id.StartsWith("com", StringComparison.Ordinal) || id.StartsWith("lpt", StringComparison.Ordinal)) && char.IsDigit(id[3]));
    }
}
