using System;
using System.Collections.Generic;
using System.Linq;

namespace VoiceNpc.Tools.UnityCompile
{
    /// <summary>
    /// The Unity project the check compiles for: Unity 2022.3 with the packages a new 2022.3 project's template
    /// installs that our asmdefs name (uGUI 1.0.0, TextMeshPro 3.0.6, the Test Framework 1.1.33), each with the stand-in
    /// of its assembly (Tests/UnityStandIn~/&lt;assembly&gt;/). versionDefines are evaluated against these versions.
    /// </summary>
    internal static class InstalledPackages
    {
        public static readonly IReadOnlyDictionary<string, Version> Versions = new Dictionary<string, Version>
        {
            ["Unity"] = new Version(2022, 3, 0),
            ["com.unity.ugui"] = new Version(1, 0, 0),
            ["com.unity.textmeshpro"] = new Version(3, 0, 6),
            ["com.unity.test-framework"] = new Version(1, 1, 33),
        };

        /// <summary>The defines an asmdef's versionDefines set in this project.</summary>
        public static IEnumerable<string> Defines(IEnumerable<VersionDefine> versionDefines) =>
            versionDefines.Where(d => Versions.TryGetValue(d.Resource, out var installed) && d.Holds(installed)).Select(d => d.Define);
    }
}
