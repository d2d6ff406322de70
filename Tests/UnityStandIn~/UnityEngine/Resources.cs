namespace UnityEngine
{
    // Runtime/Export/Resources/Resources.bindings.cs
    public sealed class Resources
    {
        public static T Load<T>(string path) where T : Object => throw UnityStandIn.CompileOnly.Call();
        public static void UnloadAsset(Object assetToUnload) => throw UnityStandIn.CompileOnly.Call();
        public static T GetBuiltinResource<T>(string path) where T : Object => throw UnityStandIn.CompileOnly.Call();
    }
}
