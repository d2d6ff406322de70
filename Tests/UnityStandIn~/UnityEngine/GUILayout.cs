namespace UnityEngine
{
    // Modules/IMGUI/GUILayout.cs (IMGUIModule)
    public partial class GUILayout
    {
        public static bool Button(string text, params GUILayoutOption[] options) => throw UnityStandIn.CompileOnly.Call();
    }

    // Modules/IMGUI/GUILayoutOption.cs (its only constructor is internal)
    public sealed class GUILayoutOption
    {
        internal GUILayoutOption() => throw UnityStandIn.CompileOnly.Call();
    }

    // Modules/IMGUI/GUIStyle.cs
    public sealed partial class GUIStyle
    {
        public GUIStyle() => throw UnityStandIn.CompileOnly.Call();
    }
}
