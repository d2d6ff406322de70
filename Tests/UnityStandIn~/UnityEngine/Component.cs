namespace UnityEngine
{
    // Runtime/Export/Scripting/Component.bindings.cs
    public partial class Component : Object
    {
        public GameObject gameObject => throw UnityStandIn.CompileOnly.Call();
    }

    // Runtime/Export/Scripting/Behaviour.bindings.cs
    public class Behaviour : Component
    {
    }
}
