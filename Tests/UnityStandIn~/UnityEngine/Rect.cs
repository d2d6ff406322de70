namespace UnityEngine
{
    // Runtime/Export/Geometry/Rect.cs (Unity's also implements IEquatable<Rect>, IFormattable)
    public partial struct Rect
    {
        public Rect(float x, float y, float width, float height) => throw UnityStandIn.CompileOnly.Call();
        public float x { get => throw UnityStandIn.CompileOnly.Call(); set => throw UnityStandIn.CompileOnly.Call(); }
        public float y { get => throw UnityStandIn.CompileOnly.Call(); set => throw UnityStandIn.CompileOnly.Call(); }
        public float width { get => throw UnityStandIn.CompileOnly.Call(); set => throw UnityStandIn.CompileOnly.Call(); }
        public float height { get => throw UnityStandIn.CompileOnly.Call(); set => throw UnityStandIn.CompileOnly.Call(); }
    }
}
