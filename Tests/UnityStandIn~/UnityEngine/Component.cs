namespace UnityEngine
{
    // Runtime/Export/Scripting/Component.bindings.cs
    public partial class Component : Object
    {
        public Transform transform => throw UnityStandIn.CompileOnly.Call();
        public GameObject gameObject => throw UnityStandIn.CompileOnly.Call();
        public T GetComponent<T>() => throw UnityStandIn.CompileOnly.Call();
        public T GetComponentInParent<T>() => throw UnityStandIn.CompileOnly.Call();
    }

    // Runtime/Export/Scripting/Behaviour.bindings.cs
    public class Behaviour : Component
    {
        public bool enabled { get => throw UnityStandIn.CompileOnly.Call(); set => throw UnityStandIn.CompileOnly.Call(); }
        public bool isActiveAndEnabled => throw UnityStandIn.CompileOnly.Call();
    }
}
