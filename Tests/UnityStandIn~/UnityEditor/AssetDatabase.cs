using UnityEngine;

namespace UnityEditor
{
    // Modules/AssetDatabase/Editor/ScriptBindings/AssetDatabase.bindings.cs (sealed in Editor/Mono/AssetDatabase/AssetDatabase.cs)
    public sealed partial class AssetDatabase
    {
        public static string GetAssetPath(Object assetObject) => throw UnityStandIn.CompileOnly.Call();
        public static bool IsValidFolder(string path) => throw UnityStandIn.CompileOnly.Call();
        public static void ImportAsset(string path) => throw UnityStandIn.CompileOnly.Call();
        public static T LoadAssetAtPath<T>(string assetPath) where T : Object => throw UnityStandIn.CompileOnly.Call();
        public static void CreateAsset(Object asset, string path) => throw UnityStandIn.CompileOnly.Call();
        public static void SaveAssets() => throw UnityStandIn.CompileOnly.Call();
    }
}
