using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace VoiceNpc.Cli.Package
{
    /// <summary>What the package check reads from a <c>.meta</c>: its GUID, its importer and, for plugins, the platforms.</summary>
    public sealed class UnityMeta
    {
        private UnityMeta(string? guid, string? importer, YamlMappingNode? settings)
        {
            Guid = guid;
            Importer = importer;
            _settings = settings;
            Platforms = ReadPlatforms(settings);
        }

        private readonly YamlMappingNode? _settings;

        public string? Guid { get; }

        /// <summary>The importer's key ("MonoImporter", "PluginImporter", ...), or null when the meta names none.</summary>
        public string? Importer { get; }

        /// <summary>PluginImporter's platformData entries (empty for other importers).</summary>
        public IReadOnlyList<PluginPlatform> Platforms { get; }

        /// <summary>An importer setting as written ("1" for isExplicitlyReferenced: 1), or null when absent.</summary>
        public string? Setting(string name) =>
            _settings != null && _settings.Children.TryGetValue(new YamlScalarNode(name), out var v) && v is YamlScalarNode s ? s.Value : null;

        /// <summary>Parses a meta; a file that is not a YAML mapping is a <see cref="FormatException"/> saying where.</summary>
        public static UnityMeta Parse(string text)
        {
            var stream = new YamlStream();
            try { stream.Load(new StringReader(text)); }
            catch (YamlException e) { throw new FormatException($"is not valid YAML ({e.Start}: {e.Message})"); }
            if (stream.Documents.Count != 1 || stream.Documents[0].RootNode is not YamlMappingNode root)
                throw new FormatException("is not one YAML mapping (fileFormatVersion, guid, an importer)");
            string? guid = root.Children.TryGetValue(new YamlScalarNode("guid"), out var g) && g is YamlScalarNode gs ? gs.Value : null;
            var importer = root.Children.FirstOrDefault(c =>
                c.Key is YamlScalarNode k && k.Value != null && k.Value.EndsWith("Importer", StringComparison.Ordinal));
            return new UnityMeta(guid, (importer.Key as YamlScalarNode)?.Value, importer.Value as YamlMappingNode);
        }

        /// <summary>The meta beside an asset, or null when it is missing or unreadable (<see cref="MetaAudit"/> reports those).</summary>
        public static UnityMeta? Of(PackageTree tree, string asset)
        {
            if (!tree.HasFile(asset + ".meta")) return null;
            try { return Parse(tree.Text(asset + ".meta")); }
            catch (FormatException) { return null; }
        }

        private static IReadOnlyList<PluginPlatform> ReadPlatforms(YamlMappingNode? settings)
        {
            if (settings == null || !settings.Children.TryGetValue(new YamlScalarNode("platformData"), out var data)
                || data is not YamlSequenceNode list)
                return Array.Empty<PluginPlatform>();
            return list.Children.OfType<YamlMappingNode>().Select(ReadPlatform).ToList();
        }

        private static PluginPlatform ReadPlatform(YamlMappingNode entry)
        {
            var first = Mapping(entry, "first")?.Children.FirstOrDefault();
            string key = (first?.Key as YamlScalarNode)?.Value ?? "", value = (first?.Value as YamlScalarNode)?.Value ?? "";
            var second = Mapping(entry, "second");
            bool enabled = second != null && second.Children.TryGetValue(new YamlScalarNode("enabled"), out var e) && e is YamlScalarNode es
                && es.Value == "1";
            var settings = (second == null ? null : Mapping(second, "settings"))?.Children
                .Where(c => c.Key is YamlScalarNode && c.Value is YamlScalarNode)
                .ToDictionary(c => ((YamlScalarNode)c.Key).Value ?? "", c => ((YamlScalarNode)c.Value).Value ?? "")
                ?? new Dictionary<string, string>();
            string name = key.Length == 0 ? value : value.Length == 0 ? key : $"{key}: {value}";
            return new PluginPlatform(name, enabled, settings);
        }

        private static YamlMappingNode? Mapping(YamlMappingNode node, string key) =>
            node.Children.TryGetValue(new YamlScalarNode(key), out var v) ? v as YamlMappingNode : null;
    }
}
