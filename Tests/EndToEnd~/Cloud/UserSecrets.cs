using System.IO;
using System.Text.Json.Nodes;

namespace VoiceNpc.Tests.EndToEnd.Cloud
{
    /// <summary>A user's HOME for a voicenpc process, with a secrets file of named keys, each bound to a base URL.</summary>
    public static class UserSecrets
    {
        /// <summary>Writes HOME/.config/voicenpc/secrets.json under the folder and returns the HOME to run the command with.</summary>
        public static string Home(string folder, params (string Name, string Key, string BaseUrl)[] keys)
        {
            var named = new JsonObject();
            foreach (var (name, key, baseUrl) in keys) named[name] = new JsonObject { ["key"] = key, ["baseUrl"] = baseUrl };
            string home = Path.Combine(folder, "home"), file = Path.Combine(home, ".config", "voicenpc", "secrets.json");
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            File.WriteAllText(file, new JsonObject { ["keys"] = named }.ToJsonString());
            return home;
        }
    }
}
