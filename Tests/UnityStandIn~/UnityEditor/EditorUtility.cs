using System;
using UnityEngine;

namespace UnityEditor
{
    // Editor/Mono/EditorUtility.cs
    public partial class EditorUtility
    {
        public static GameObject CreateGameObjectWithHideFlags(string name, HideFlags flags, params Type[] components) =>
            throw UnityStandIn.CompileOnly.Call();
    }
}
