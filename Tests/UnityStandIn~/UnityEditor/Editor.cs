using UnityEngine;

namespace UnityEditor
{
    // Editor/Mono/Inspector/Editor.cs (Unity's also implements internal interfaces IPreviewable, IToolModeOwner)
    public partial class Editor : ScriptableObject
    {
        public Object target { get => throw UnityStandIn.CompileOnly.Call(); set => throw UnityStandIn.CompileOnly.Call(); }
        public bool DrawDefaultInspector() => throw UnityStandIn.CompileOnly.Call();
        public void Repaint() => throw UnityStandIn.CompileOnly.Call();
        public virtual void OnInspectorGUI() => throw UnityStandIn.CompileOnly.Call();
        public virtual bool RequiresConstantRepaint() => throw UnityStandIn.CompileOnly.Call();
    }
}
