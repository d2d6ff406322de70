using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;

namespace VoiceNpc.Cli.Package
{
    /// <summary>The parts of an .asmdef the package check reads: its name and what it references.</summary>
    public sealed record AsmdefFile(string Path, string Name, IReadOnlyList<string> References, IReadOnlyList<string> PrecompiledReferences)
    {
        /// <summary>Every imported asmdef of the package, and a finding for each that cannot be read.</summary>
        public static (IReadOnlyList<AsmdefFile> Files, IReadOnlyList<PackageFinding> Problems) All(PackageTree tree)
        {
            var files = new List<AsmdefFile>();
            var problems = new List<PackageFinding>();
            foreach (var path in tree.FilesWithExtension(".asmdef").Where(UnityAssetPaths.NeedsMeta))
            {
                try { files.Add(Parse(path, tree.Text(path))); }
                catch (Exception e) when (e is JsonException or FormatException) { problems.Add(new PackageFinding(path, e.Message)); }
            }
            return (files, problems);
        }

        private static AsmdefFile Parse(string path, string json)
        {
            using var doc = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip,
                AllowTrailingCommas = true });
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("name", out var name) || name.ValueKind != JsonValueKind.String
                || string.IsNullOrWhiteSpace(name.GetString()))
                throw new FormatException("has no \"name\": Unity cannot make an assembly of it");
            return new AsmdefFile(path, name.GetString()!, Strings(root, "references"), Strings(root, "precompiledReferences"));
        }

        private static IReadOnlyList<string> Strings(JsonElement root, string field)
        {
            if (!root.TryGetProperty(field, out var list)) return Array.Empty<string>();
            if (list.ValueKind != JsonValueKind.Array || list.EnumerateArray().Any(e => e.ValueKind != JsonValueKind.String))
                throw new FormatException($"\"{field}\" is not a list of strings");
            return list.EnumerateArray().Select(e => e.GetString()!).ToList();
        }
    }
}
