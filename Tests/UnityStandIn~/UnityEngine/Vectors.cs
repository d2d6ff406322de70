namespace UnityEngine
{
    // Runtime/Export/Math/Vector3.cs (Unity's also implements IEquatable<Vector3>, IFormattable)
    public partial struct Vector3
    {
        public float x;
        public float y;
        public float z;
        public Vector3(float x, float y, float z) => throw UnityStandIn.CompileOnly.Call();
        public static Vector3 operator +(Vector3 a, Vector3 b) => throw UnityStandIn.CompileOnly.Call();
        public static Vector3 operator *(Vector3 a, float d) => throw UnityStandIn.CompileOnly.Call();
    }

    // Runtime/Export/Math/Vector2.cs
    public partial struct Vector2
    {
        public float x;
        public float y;
        public Vector2(float x, float y) => throw UnityStandIn.CompileOnly.Call();
    }

    // Runtime/Export/Math/Color.cs
    public partial struct Color
    {
        public float r;
        public float g;
        public float b;
        public float a;
        public Color(float r, float g, float b, float a) => throw UnityStandIn.CompileOnly.Call();
        public static Color white => throw UnityStandIn.CompileOnly.Call();
    }
}
