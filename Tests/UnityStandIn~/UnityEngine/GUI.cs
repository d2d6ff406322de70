namespace UnityEngine
{
    // Modules/IMGUI/GUI.cs (IMGUIModule)
    public partial class GUI
    {
        public static void Label(Rect position, string text) => throw UnityStandIn.CompileOnly.Call();
        public static string TextField(Rect position, string text) => throw UnityStandIn.CompileOnly.Call();
        public static bool Button(Rect position, string text) => throw UnityStandIn.CompileOnly.Call();
    }
}
