namespace UnityEngine
{
    // Runtime/Export/Scripting/GameObject.bindings.cs (Unity's GetComponent<T> is also "unsafe", which is not part of
    // its signature for callers)
    public sealed partial class GameObject : Object
    {
        public T GetComponent<T>() => throw UnityStandIn.CompileOnly.Call();
    }
}
