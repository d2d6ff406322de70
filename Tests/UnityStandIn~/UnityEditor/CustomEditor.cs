using System;

namespace UnityEditor
{
    // Editor/Mono/Inspector/CustomEditor.cs
    public class CustomEditor : Attribute
    {
        public CustomEditor(Type inspectedType) => throw UnityStandIn.CompileOnly.Call();
    }
}
