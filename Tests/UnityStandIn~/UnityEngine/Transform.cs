namespace UnityEngine
{
    // Runtime/Transform/ScriptBindings/Transform.bindings.cs (Unity's also implements IEnumerable)
    public partial class Transform : Component
    {
        protected Transform() => throw UnityStandIn.CompileOnly.Call();
        public Vector3 position { get => throw UnityStandIn.CompileOnly.Call(); set => throw UnityStandIn.CompileOnly.Call(); }
        public Vector3 localPosition { get => throw UnityStandIn.CompileOnly.Call(); set => throw UnityStandIn.CompileOnly.Call(); }
        public Vector3 localScale { get => throw UnityStandIn.CompileOnly.Call(); set => throw UnityStandIn.CompileOnly.Call(); }
        public Vector3 forward { get => throw UnityStandIn.CompileOnly.Call(); set => throw UnityStandIn.CompileOnly.Call(); }
        public void SetParent(Transform parent, bool worldPositionStays) => throw UnityStandIn.CompileOnly.Call();
        public void LookAt(Vector3 worldPosition) => throw UnityStandIn.CompileOnly.Call();
    }

    // Runtime/Transform/ScriptBindings/RectTransform.bindings.cs
    public sealed partial class RectTransform : Transform
    {
        public Vector2 anchorMin { get => throw UnityStandIn.CompileOnly.Call(); set => throw UnityStandIn.CompileOnly.Call(); }
        public Vector2 anchorMax { get => throw UnityStandIn.CompileOnly.Call(); set => throw UnityStandIn.CompileOnly.Call(); }
        public Vector2 offsetMin { get => throw UnityStandIn.CompileOnly.Call(); set => throw UnityStandIn.CompileOnly.Call(); }
        public Vector2 offsetMax { get => throw UnityStandIn.CompileOnly.Call(); set => throw UnityStandIn.CompileOnly.Call(); }
    }
}
