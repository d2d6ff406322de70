using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace VoiceNpc.Cli.Package
{
    /// <summary>
    /// package.json is what the Unity Package Manager needs: a lowercase reverse-domain name, a semver version, the
    /// minimum Unity version ("2022.3"), a display name, and samples whose paths are folders of the package.
    /// </summary>
    public sealed class ManifestRule : IPackageRule
    {
        private const string File = "package.json";
        private static readonly Regex Name = new Regex(@"^[a-z0-9][a-z0-9_-]*(\.[a-z0-9_-]+)+$");
        private static readonly Regex SemVer = new Regex(@"^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$");
        private static readonly Regex Unity = new Regex(@"^\d{4}\.\d+$");
        private static readonly Regex UnityRelease = new Regex(@"^\d+[abfp]\d+$");

        public IEnumerable<PackageFinding> Check(PackageTree tree)
        {
            if (!tree.HasFile(File)) return new[] { new PackageFinding(File, "is missing: the tarball is not a Unity package") };
            try
            {
                using var doc = JsonDocument.Parse(tree.Text(File));
                if (doc.RootElement.ValueKind != JsonValueKind.Object) return new[] { new PackageFinding(File, "is not a JSON object") };
                return Problems(doc.RootElement, tree).Select(p => new PackageFinding(File, p)).ToList();
            }
            catch (JsonException e) { return new[] { new PackageFinding(File, $"is not valid JSON: {e.Message}") }; }
        }

        private static IEnumerable<string> Problems(JsonElement root, PackageTree tree)
        {
            string? name = Text(root, "name"), version = Text(root, "version"), unity = Text(root, "unity");
            if (name == null || name.Length > 214 || !Name.IsMatch(name))
                yield return $"\"name\" '{name}' is not a lowercase reverse-domain package name (com.company.package)";
            if (version == null || !SemVer.IsMatch(version)) yield return $"\"version\" '{version}' is not a semantic version (1.2.3)";
            if (unity == null || !Unity.IsMatch(unity)) yield return $"\"unity\" '{unity}' is not a Unity version like 2022.3";
            if (root.TryGetProperty("unityRelease", out _) && !UnityRelease.IsMatch(Text(root, "unityRelease") ?? ""))
                yield return "\"unityRelease\" is not a release like 0f1";
            if (string.IsNullOrWhiteSpace(Text(root, "displayName"))) yield return "\"displayName\" is missing: the Package Manager shows it";
            foreach (var p in SampleProblems(root, tree)) yield return p;
        }

        private static IEnumerable<string> SampleProblems(JsonElement root, PackageTree tree)
        {
            if (!root.TryGetProperty("samples", out var samples)) yield break;
            if (samples.ValueKind != JsonValueKind.Array) { yield return "\"samples\" is not a list"; yield break; }
            int i = 0;
            foreach (var sample in samples.EnumerateArray())
            {
                string? path = sample.ValueKind == JsonValueKind.Object ? Text(sample, "path") : null;
                if (path == null || !tree.Folders.Contains(path.TrimEnd('/')))
                    yield return $"samples[{i}].path '{path}' is not a folder of the package";
                if (sample.ValueKind != JsonValueKind.Object || string.IsNullOrWhiteSpace(Text(sample, "displayName")))
                    yield return $"samples[{i}] has no \"displayName\"";
                i++;
            }
        }

        private static string? Text(JsonElement e, string field) =>
            e.TryGetProperty(field, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
    }
}
