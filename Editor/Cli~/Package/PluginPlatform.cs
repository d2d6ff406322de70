using System.Collections.Generic;

namespace VoiceNpc.Cli.Package
{
    /// <summary>One platformData entry of a PluginImporter: "Any", "Editor: Editor", "Standalone: Linux64", ...</summary>
    public sealed record PluginPlatform(string Name, bool Enabled, IReadOnlyDictionary<string, string> Settings);
}
