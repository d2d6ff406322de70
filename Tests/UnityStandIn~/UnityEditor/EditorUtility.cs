using System;
using UnityEngine;
using Object = UnityEngine.Object;

namespace UnityEditor
{
    // Editor/Mono/EditorUtility.cs and EditorUtility.bindings.cs
    public partial class EditorUtility
    {
        public static GameObject CreateGameObjectWithHideFlags(string name, HideFlags flags, params Type[] components) =>
            throw UnityStandIn.CompileOnly.Call();
        public static void SetDirty(Object target) => throw UnityStandIn.CompileOnly.Call();
    }

    // Editor/Mono/Undo/Undo.bindings.cs
    public partial class Undo
    {
        public static void RecordObject(Object objectToUndo, string name) => throw UnityStandIn.CompileOnly.Call();
    }

    // Editor/Mono/Selection/Selection.bindings.cs
    public sealed partial class Selection
    {
        public static Object activeObject { get => throw UnityStandIn.CompileOnly.Call(); set => throw UnityStandIn.CompileOnly.Call(); }
    }

    // Editor/Mono/EditorGUIUtility.cs
    public partial class EditorGUIUtility
    {
        public static void PingObject(Object obj) => throw UnityStandIn.CompileOnly.Call();
    }

    // Editor/Mono/MenuItem.cs
    [AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
    public sealed class MenuItem : Attribute
    {
        public MenuItem(string itemName, bool isValidateFunction, int priority) => throw UnityStandIn.CompileOnly.Call();
    }
}
