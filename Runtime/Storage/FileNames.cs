using System.Text;

namespace VoiceNpc.Storage
{
    /// <summary>
    /// Turns any id (a player's name, a platform id) into a safe, reversible file name: letters, digits, '-' and '_'
    /// stay, every other byte of its UTF-8 becomes "%XX", so "../x" can never leave the folder.
    /// </summary>
    public static class FileNames
    {
        public static string Encode(string id)
        {
            if (id.Length == 0) return "%";
            var name = new StringBuilder(id.Length);
            foreach (byte b in Encoding.UTF8.GetBytes(id))
            {
                char c = (char)b;
                if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_') name.Append(c);
                else name.Append('%').Append(b.ToString("X2"));
            }
            return name.ToString();
        }
    }
}
