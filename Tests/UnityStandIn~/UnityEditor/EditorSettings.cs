using System;

namespace UnityEditor
{
    // Editor/Mono/EditorSettings.bindings.cs
    [Flags]
    public enum EnterPlayModeOptions
    {
        None = 0,
        DisableDomainReload = 1 << 0,
        DisableSceneReload = 1 << 1,
    }

    // Editor/Mono/EditorSettings.bindings.cs
    public sealed partial class EditorSettings : UnityEngine.Object
    {
        private EditorSettings() => throw UnityStandIn.CompileOnly.Call();
        public static bool enterPlayModeOptionsEnabled { get => throw UnityStandIn.CompileOnly.Call(); set => throw UnityStandIn.CompileOnly.Call(); }
        public static EnterPlayModeOptions enterPlayModeOptions
        {
            get => throw UnityStandIn.CompileOnly.Call();
            set => throw UnityStandIn.CompileOnly.Call();
        }
    }
}
