using UnityEngine;

namespace UnityEditor
{
    // Editor/Mono/EditorGUIUtility.bindings.cs
    public enum MessageType
    {
        None = 0,
        Info = 1,
        Warning = 2,
        Error = 3,
    }

    // Editor/Mono/EditorGUILayout.cs
    public sealed partial class EditorGUILayout
    {
        public static void LabelField(string label, GUIStyle style, params GUILayoutOption[] options) => throw UnityStandIn.CompileOnly.Call();
        public static string TextField(string label, string text, params GUILayoutOption[] options) => throw UnityStandIn.CompileOnly.Call();
        public static void HelpBox(string message, MessageType type) => throw UnityStandIn.CompileOnly.Call();
        public static void Space() => throw UnityStandIn.CompileOnly.Call();
        public static Rect GetControlRect(params GUILayoutOption[] options) => throw UnityStandIn.CompileOnly.Call();

        public static int Popup(string label, int selectedIndex, string[] displayedOptions, params GUILayoutOption[] options) =>
            throw UnityStandIn.CompileOnly.Call();
    }

    // Editor/Mono/EditorGUI.cs
    public sealed partial class EditorGUI
    {
        public static void LabelField(Rect position, string label) => throw UnityStandIn.CompileOnly.Call();
        public static void DrawRect(Rect rect, Color color) => throw UnityStandIn.CompileOnly.Call();
    }

    // Editor/Mono/GUI/EditorStyles.cs
    public sealed class EditorStyles
    {
        public static GUIStyle wordWrappedMiniLabel => throw UnityStandIn.CompileOnly.Call();
        public static GUIStyle boldLabel => throw UnityStandIn.CompileOnly.Call();
    }
}
