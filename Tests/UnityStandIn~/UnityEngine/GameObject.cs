namespace UnityEngine
{
    // Runtime/Export/Scripting/GameObject.bindings.cs (Unity's GetComponent<T> is also "unsafe", which is not part of
    // its signature for callers)
    public sealed partial class GameObject : Object
    {
        public GameObject(string name) => throw UnityStandIn.CompileOnly.Call();
        public Transform transform => throw UnityStandIn.CompileOnly.Call();
        public T GetComponent<T>() => throw UnityStandIn.CompileOnly.Call();
        public T AddComponent<T>() where T : Component => throw UnityStandIn.CompileOnly.Call();
        public void SetActive(bool value) => throw UnityStandIn.CompileOnly.Call();
        public static GameObject CreatePrimitive(PrimitiveType type) => throw UnityStandIn.CompileOnly.Call();
    }

    // Runtime/Export/Scripting/PrimitiveType.cs
    public enum PrimitiveType
    {
        Sphere = 0,
        Capsule = 1,
        Cylinder = 2,
        Cube = 3,
        Plane = 4,
        Quad = 5,
    }
}
