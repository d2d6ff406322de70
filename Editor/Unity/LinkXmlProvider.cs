using System.IO;
using UnityEditor.Build;
using UnityEditor.Build.Reporting;
using UnityEditor.UnityLinker;

namespace VoiceNpc.Editor
{
    /// <summary>
    /// Unity's linker reads link.xml files only under Assets/ and in embedded packages, not in a package installed from
    /// a tarball or a registry (Library/PackageCache): at every player build this hands it the package's Runtime/link.xml.
    /// </summary>
    public sealed class LinkXmlProvider : IUnityLinkerProcessor
    {
        // Unity resolves a "Packages/<name>/..." path to wherever the package lives (Path.GetFullPath on a package path).
        private const string LinkXml = "Packages/com.voicenpc.voicenpc/Runtime/link.xml";

        public int callbackOrder => 0;

        public string GenerateAdditionalLinkXmlFile(BuildReport report, UnityLinkerBuildPipelineData data) => Path.GetFullPath(LinkXml);
    }
}
