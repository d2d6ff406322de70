namespace UnityEngine
{
    // Runtime/Export/Time/Time.bindings.cs
    public class Time
    {
        public static float deltaTime => throw UnityStandIn.CompileOnly.Call();
        public static float unscaledDeltaTime => throw UnityStandIn.CompileOnly.Call();
        public static float realtimeSinceStartup => throw UnityStandIn.CompileOnly.Call();
    }
}
