using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace VoiceNpc.Tools.UnityCompile
{
    /// <summary>
    /// One assembly definition file, with the fields Unity reads. A field the check does not model is refused, so
    /// nothing in an asmdef is silently ignored.
    /// </summary>
    internal sealed record AsmDef(string Path, string Name, IReadOnlyList<string> References, IReadOnlyList<string> IncludePlatforms,
        IReadOnlyList<string> ExcludePlatforms, bool AllowUnsafeCode, bool OverrideReferences, IReadOnlyList<string> PrecompiledReferences,
        IReadOnlyList<string> DefineConstraints, bool NoEngineReferences, IReadOnlyList<VersionDefine> VersionDefines)
    {
        private static readonly HashSet<string> KnownFields = new HashSet<string>
        {
            "name", "rootNamespace", "references", "includePlatforms", "excludePlatforms", "allowUnsafeCode", "overrideReferences",
            "precompiledReferences", "autoReferenced", "defineConstraints", "versionDefines", "noEngineReferences",
        };

        public string Folder => System.IO.Path.GetDirectoryName(Path)!;

        /// <summary>Editor-only: Unity compiles it for the editor and never into a player.</summary>
        public bool IsEditorOnly => IncludePlatforms.Count == 1 && IncludePlatforms[0] == UnityPlatforms.Editor;

        public static AsmDef Read(string path, List<string> problems)
        {
            using var document = JsonDocument.Parse(File.ReadAllText(path));
            var root = document.RootElement;
            foreach (var field in root.EnumerateObject().Where(f => !KnownFields.Contains(f.Name)))
                problems.Add($"{path}: field \"{field.Name}\" is not one the check models");
            var asmdef = new AsmDef(path, root.GetProperty("name").GetString()!, Strings(root, "references"), Strings(root, "includePlatforms"),
                Strings(root, "excludePlatforms"), Bool(root, "allowUnsafeCode"), Bool(root, "overrideReferences"),
                Strings(root, "precompiledReferences"), Strings(root, "defineConstraints"), Bool(root, "noEngineReferences"),
                VersionDefine.Read(root, path, problems));
            foreach (var platform in asmdef.IncludePlatforms.Concat(asmdef.ExcludePlatforms).Where(p => !UnityPlatforms.Names.Contains(p)))
                problems.Add($"{path}: \"{platform}\" is not a Unity platform name");
            if (asmdef.IncludePlatforms.Count > 0 && asmdef.ExcludePlatforms.Count > 0)
                problems.Add($"{path}: Unity takes includePlatforms or excludePlatforms, not both");
            if (!asmdef.OverrideReferences && asmdef.PrecompiledReferences.Count > 0)
                problems.Add($"{path}: precompiledReferences are ignored by Unity unless overrideReferences is true");
            return asmdef;
        }

        /// <summary>Whether Unity compiles this assembly for a platform (Editor or a player's).</summary>
        public bool Targets(string platform) =>
            IncludePlatforms.Count > 0 ? IncludePlatforms.Contains(platform) : !ExcludePlatforms.Contains(platform);

        private static IReadOnlyList<string> Strings(JsonElement root, string field) =>
            root.TryGetProperty(field, out var value) ? value.EnumerateArray().Select(v => v.GetString()!).ToArray() : Array.Empty<string>();

        private static bool Bool(JsonElement root, string field) => root.TryGetProperty(field, out var value) && value.GetBoolean();
    }
}
