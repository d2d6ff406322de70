namespace UnityEngine
{
    // Runtime/Export/Application/Application.bindings.cs
    public partial class Application
    {
        public static string persistentDataPath => throw UnityStandIn.CompileOnly.Call();
        public static void OpenURL(string url) => throw UnityStandIn.CompileOnly.Call();
    }
}
