using System;

namespace UnityEngine
{
    // Runtime/Export/Application/Application.cs and Application.bindings.cs
    public partial class Application
    {
        public static string persistentDataPath => throw UnityStandIn.CompileOnly.Call();
        public static string temporaryCachePath => throw UnityStandIn.CompileOnly.Call();
        public static bool isPlaying => throw UnityStandIn.CompileOnly.Call();
        public static event Action quitting { add => throw UnityStandIn.CompileOnly.Call(); remove => throw UnityStandIn.CompileOnly.Call(); }
        public static void OpenURL(string url) => throw UnityStandIn.CompileOnly.Call();
    }
}
