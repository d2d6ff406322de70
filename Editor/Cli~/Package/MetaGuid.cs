using System;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace VoiceNpc.Cli.Package
{
    /// <summary>
    /// GUIDs for new metas: the first 128 bits of SHA-256("package name/path"), so two people generating the meta of
    /// the same new file get the same GUID and a merge does not conflict. Existing GUIDs are never recomputed.
    /// </summary>
    public static class MetaGuid
    {
        private static readonly Regex WellFormed = new Regex("^[0-9a-f]{32}$", RegexOptions.CultureInvariant);

        public static string For(string packageName, string path)
        {
            var hash = SHA256.HashData(Encoding.UTF8.GetBytes(packageName + "/" + path));
            return Convert.ToHexStringLower(hash, 0, 16);
        }

        /// <summary>32 lowercase hex digits, not all zero (Unity reads the zero GUID as "no asset").</summary>
        public static bool IsWellFormed(string guid) => WellFormed.IsMatch(guid) && guid != new string('0', 32);
    }
}
