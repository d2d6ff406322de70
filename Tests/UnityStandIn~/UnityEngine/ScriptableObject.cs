namespace UnityEngine
{
    // Runtime/Export/Scripting/ScriptableObject.bindings.cs
    public class ScriptableObject : Object
    {
        public ScriptableObject() => throw UnityStandIn.CompileOnly.Call();
    }
}
