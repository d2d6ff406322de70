using System.Text.Json;

namespace VoiceNpc.Cli.Package
{
    /// <summary>The name and version of a package.json, which name the tarball; <see cref="ManifestRule"/> checks the rest.</summary>
    public sealed record PackageManifest(string Name, string Version)
    {
        public string TarballName => $"{Name}-{Version}.tgz";

        public static PackageManifest Read(string json, string where)
        {
            try
            {
                using var doc = JsonDocument.Parse(json);
                return new PackageManifest(Field(doc.RootElement, "name", where), Field(doc.RootElement, "version", where));
            }
            catch (JsonException e) { throw new PackageException($"{where} is not valid JSON: {e.Message}"); }
        }

        private static string Field(JsonElement root, string name, string where) =>
            root.ValueKind == JsonValueKind.Object && root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String
                && v.GetString() is { Length: > 0 } s ? s : throw new PackageException($"{where} has no \"{name}\" string");
    }
}
