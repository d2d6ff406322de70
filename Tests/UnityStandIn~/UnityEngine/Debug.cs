using System;

namespace UnityEngine
{
    // Runtime/Export/Debug/Debug.bindings.cs
    public partial class Debug
    {
        public static void Log(object message, Object context) => throw UnityStandIn.CompileOnly.Call();
        public static void LogWarning(object message, Object context) => throw UnityStandIn.CompileOnly.Call();
        public static void LogError(object message, Object context) => throw UnityStandIn.CompileOnly.Call();
        public static void LogException(Exception exception, Object context) => throw UnityStandIn.CompileOnly.Call();
    }

    // Runtime/Export/Logging/LogType.cs (the test framework's LogAssert takes it)
    public enum LogType
    {
        Error = 0,
        Assert = 1,
        Warning = 2,
        Log = 3,
        Exception = 4,
    }
}
