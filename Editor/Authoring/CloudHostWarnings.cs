using System;
using System.Collections.Generic;
using VoiceNpc.Characters;
using VoiceNpc.Providers.Cloud;

namespace VoiceNpc.Authoring
{
    /// <summary>
    /// Warnings about a character that sends a cloud service somewhere else than its vendor: the player's key goes there
    /// only if the player bound a key to that host in their secrets file (and the character names it); otherwise the
    /// service is refused at run time and the chain falls back. Character files are shared, so the author should know.
    /// </summary>
    internal static class CloudHostWarnings
    {
        public static IEnumerable<ValidationIssue> For(CharacterDefinition character, string file)
        {
            foreach (var (name, settings) in character.Cloud)
            {
                if (!(CloudService.Named(name) is CloudService service)) continue;
                string path = $"$.cloud.{service.Name}";
                var vendor = new Uri(service.VendorDefault);
                if (settings.BaseUrl is string url && Uri.TryCreate(url, UriKind.Absolute, out var uri) && !CloudEndpoint.SameOrigin(uri, vendor))
                    yield return new ValidationIssue(file, path + ".baseUrl",
                        $"{service.Name} at its vendor's host {CloudEndpoint.Host(vendor)}, found {CloudEndpoint.Host(uri)}",
                        KeyHint(service, CloudEndpoint.Host(uri), url, settings.KeyName), IssueSeverity.Warning);
                else if (settings.BaseUrl == null && settings.KeyName is string keyName)
                    yield return new ValidationIssue(file, path + ".key", $"a key named \"{keyName}\" in each player's {CloudSecrets.UserPath}",
                        $"{service.Name} goes to the base URL that key is bound to; a player without it gets the chain's next provider",
                        IssueSeverity.Warning);
            }
        }

        private static string KeyHint(CloudService service, string host, string url, string? keyName)
        {
            string name = keyName ?? "NAME";
            string nameIt = keyName == null ? $"name one here (\"key\": \"NAME\") and each player binds it" : "each player needs it";
            return $"a key must be configured for {host}: {nameIt} in {CloudSecrets.UserPath} (\"{CloudSecrets.KeysField}\": " +
                   $"{{\"{name}\": {{\"key\": \"…\", \"baseUrl\": \"{url}\"}}}}); otherwise {service.Name} is refused and the chain falls back";
        }
    }
}
