using System;
using System.Security.Cryptography;
using System.Text;

namespace VoiceNpc.Storage
{
    /// <summary>
    /// Turns any id (a player's name, a platform id) into a file name that is safe and distinct on every platform:
    /// lowercase letters, digits, '-' and '_' stay, every other byte of its UTF-8 becomes "%XX" (uppercase letters
    /// too, so "Bob" and "bob" stay apart where names ignore case), so "../x" can never leave the folder. Windows
    /// device names ("con", "nul", "com1"…) get their first letter escaped; a name longer than <see cref="MaxLength"/>
    /// keeps its start and ends in "~" and a SHA-256 of the id ('~' is escaped everywhere else, so no two ids meet).
    /// </summary>
    public static class FileNames
    {
        /// <summary>The longest name: with ".npcmemory", a temp file's ".GUID.tmp" or ".damaged-TIME" it stays far under 255 bytes.</summary>
        public const int MaxLength = 120;

        private const int KeptWhenHashed = 64, HashHexDigits = 40;

        public static string Encode(string id)
        {
            string name = Escape(id, keepUppercase: false);
            if (IsWindowsDeviceName(name)) name = "%" + ((int)name[0]).ToString("X2") + name.Substring(1);
            return name.Length <= MaxLength ? name : Hashed(name, id);
        }

        /// <summary>
        /// The name the first scheme gave an id (uppercase letters and device names kept, no length limit): where
        /// <see cref="Memory.MemoryStore"/> looks for saves made with it. Equal to <see cref="Encode"/> for most ids.
        /// </summary>
        public static string EncodeLegacy(string id) => Escape(id, keepUppercase: true);

        private static string Escape(string id, bool keepUppercase)
        {
            if (id.Length == 0) return "%";
            var name = new StringBuilder(id.Length);
            foreach (byte b in Encoding.UTF8.GetBytes(id))
            {
                char c = (char)b;
                bool keep = (c >= 'a' && c <= 'z') || (keepUppercase && c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
                if (keep) name.Append(c);
                else name.Append('%').Append(b.ToString("X2"));
            }
            return name.ToString();
        }

        /// <summary>CON, PRN, AUX, NUL, COM0-9 and LPT0-9 are devices on Windows, with any extension.</summary>
        private static bool IsWindowsDeviceName(string name) =>
            name == "con" || name == "prn" || name == "aux" || name == "nul"
            || name.Length == 4 && (name.StartsWith("com", StringComparison.Ordinal) || name.StartsWith("lpt", StringComparison.Ordinal)) && char.IsDigit(name[3]);

        private static string Hashed(string name, string id)
        {
            int kept = KeptWhenHashed;
            if (name[kept - 1] == '%') kept -= 1;        // never split a "%XX"
            else if (name[kept - 2] == '%') kept -= 2;
            using var sha = SHA256.Create();
            var hash = sha.ComputeHash(Encoding.UTF8.GetBytes(id));
            var hex = new StringBuilder(HashHexDigits);
            for (int i = 0; i < HashHexDigits / 2; i++) hex.Append(hash[i].ToString("x2"));
            return name.Substring(0, kept) + "~" + hex;
        }
    }
}
