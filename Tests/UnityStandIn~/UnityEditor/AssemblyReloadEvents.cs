namespace UnityEditor
{
    // Editor/Mono/AssemblyReloadEvents.cs
    public static class AssemblyReloadEvents
    {
        public delegate void AssemblyReloadCallback();

        public static event AssemblyReloadCallback beforeAssemblyReload
        {
            add => throw UnityStandIn.CompileOnly.Call();
            remove => throw UnityStandIn.CompileOnly.Call();
        }
    }
}
