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
        public static AsyncOperation RequestUserAuthorization(UserAuthorization mode) => throw UnityStandIn.CompileOnly.Call();
        public static bool HasUserAuthorization(UserAuthorization mode) => throw UnityStandIn.CompileOnly.Call();
    }

    // Runtime/Export/Application/Application.cs
    public enum UserAuthorization
    {
        WebCam = 1,
        Microphone = 2,
    }

    // Runtime/Export/Scripting/YieldOperation.cs
    public class YieldInstruction
    {
    }

    // Runtime/Export/Scripting/AsyncOperation.bindings.cs
    public partial class AsyncOperation : YieldInstruction
    {
        public event Action<AsyncOperation> completed
        {
            add => throw UnityStandIn.CompileOnly.Call();
            remove => throw UnityStandIn.CompileOnly.Call();
        }
    }
}
