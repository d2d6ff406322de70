using System.Collections.Generic;

namespace VoiceNpc.Tools.UnityCompile
{
    /// <summary>The platform names an asmdef's includePlatforms and excludePlatforms may hold (Unity's asmdef reference).</summary>
    internal static class UnityPlatforms
    {
        public const string Editor = "Editor";
        public const string LinuxPlayer = "LinuxStandalone64";
        public const string Android = "Android";
        public const string Ios = "iOS";

        public static readonly HashSet<string> Names = new HashSet<string>
        {
            "Android", "CloudRendering", "Editor", "EmbeddedLinux", "GameCoreScarlett", "GameCoreXboxOne", "iOS", "LinuxStandalone64",
            "macOSStandalone", "PS4", "PS5", "QNX", "Switch", "tvOS", "VisionOS", "WSA", "WebGL", "WindowsStandalone32",
            "WindowsStandalone64", "XboxOne",
        };
    }
}
