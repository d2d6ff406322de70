using System.Collections.Generic;
using System.Linq;

namespace VoiceNpc.Tools.UnityCompile
{
    /// <summary>
    /// One way Unity compiles the package: in the editor, for a Linux x64 player on the Mono or the IL2CPP backend, or
    /// for an Android or iOS player (IL2CPP).
    /// Runtime assemblies are compiled in each (their #if UNITY_EDITOR / ENABLE_IL2CPP branches differ).
    /// </summary>
    internal sealed record CompileTarget(string Name, string Platform, bool Editor, IReadOnlyCollection<string> Defines)
    {
        // The oldest Unity the package supports (package.json "unity": "2022.3") and every *_OR_NEWER define it sets.
        private static readonly string[] Versions =
        {
            "5_3", "5_4", "5_5", "5_6", "2017_1", "2017_2", "2017_3", "2017_4", "2018_1", "2018_2", "2018_3", "2018_4", "2019_1", "2019_2",
            "2019_3", "2019_4", "2020_1", "2020_2", "2020_3", "2021_1", "2021_2", "2021_3", "2022_1", "2022_2", "2022_3",
        };

        private static readonly string[] Common =
            Versions.Select(v => $"UNITY_{v}_OR_NEWER")
                .Concat(new[] { "UNITY_2022", "UNITY_2022_3", "NET_STANDARD_2_1", "NET_STANDARD", "NETSTANDARD2_1", "NETSTANDARD",
                    "CSHARP_7_3_OR_NEWER", "CSHARP_7_OR_LATER",
                    // A new project's Active Input Handling ("Input Manager (Old)"); "Input System Package (New)" alone lacks it.
                    "ENABLE_LEGACY_INPUT_MANAGER" })
                .ToArray();

        private static readonly string[] Linux = { "UNITY_STANDALONE_LINUX", "UNITY_STANDALONE", "PLATFORM_STANDALONE_LINUX", "PLATFORM_STANDALONE" };

        // An Android player compiles the #if UNITY_ANDROID branches (the microphone permission); the native core is not
        // built for Android, so the code there falls back to Unity's Microphone at run time.
        private static readonly string[] Android = { "UNITY_ANDROID", "PLATFORM_ANDROID", "ENABLE_IL2CPP" };

        // Likewise iOS (the microphone authorization).
        private static readonly string[] Ios = { "UNITY_IOS", "PLATFORM_IOS", "ENABLE_IL2CPP" };

        public static IReadOnlyList<CompileTarget> All { get; } = new[]
        {
            // The editor runs Mono and compiles test assemblies when the test framework is installed.
            new CompileTarget("editor", UnityPlatforms.Editor, true,
                Common.Concat(Linux).Concat(new[] { "UNITY_EDITOR", "UNITY_EDITOR_64", "UNITY_EDITOR_LINUX", "ENABLE_MONO", "UNITY_INCLUDE_TESTS" })
                    .ToArray()),
            new CompileTarget("player-mono", UnityPlatforms.LinuxPlayer, false, Common.Concat(Linux).Concat(new[] { "ENABLE_MONO" }).ToArray()),
            new CompileTarget("player-il2cpp", UnityPlatforms.LinuxPlayer, false, Common.Concat(Linux).Concat(new[] { "ENABLE_IL2CPP" }).ToArray()),
            new CompileTarget("player-android", UnityPlatforms.Android, false, Common.Concat(Android).ToArray()),
            new CompileTarget("player-ios", UnityPlatforms.Ios, false, Common.Concat(Ios).ToArray()),
        };
    }
}
