using UnityEngine;

namespace UnityEditor
{
    // Modules/AssetDatabase/Editor/ScriptBindings/AssetDatabase.bindings.cs (sealed in Editor/Mono/AssetDatabase/AssetDatabase.cs)
    public sealed partial class AssetDatabase
    {
        public static string GetAssetPath(Object assetObject) => throw UnityStandIn.CompileOnly.Call();
    }
}
