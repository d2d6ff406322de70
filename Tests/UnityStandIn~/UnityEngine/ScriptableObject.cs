namespace UnityEngine
{
    // Runtime/Export/Scripting/ScriptableObject.bindings.cs
    public class ScriptableObject : Object
    {
        public ScriptableObject() => throw UnityStandIn.CompileOnly.Call();
        public static T CreateInstance<T>() where T : ScriptableObject => throw UnityStandIn.CompileOnly.Call();
    }
}
