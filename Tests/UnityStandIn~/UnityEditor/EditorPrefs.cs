namespace UnityEditor
{
    // Editor/Mono/EditorPrefs.bindings.cs (Unity's defaultValue also carries
    // [DefaultValue("\"\"")], which only documents the separate overload without it)
    public sealed class EditorPrefs
    {
        public static void SetString(string key, string value) => throw UnityStandIn.CompileOnly.Call();
        public static string GetString(string key, string defaultValue) => throw UnityStandIn.CompileOnly.Call();
    }
}
