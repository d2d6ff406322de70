namespace UnityEngine
{
    // Runtime/Export/Graphics/GraphicsRenderers.bindings.cs (Renderer in Renderer.bindings.cs)
    public partial class Renderer : Component
    {
        public Material sharedMaterial { get => throw UnityStandIn.CompileOnly.Call(); set => throw UnityStandIn.CompileOnly.Call(); }
    }

    // Runtime/Export/Graphics/GraphicsRenderers.bindings.cs
    public partial class MeshRenderer : Renderer
    {
    }

    // Runtime/Export/Shaders/Material.bindings.cs and Material.cs
    public partial class Material : Object
    {
        public Material(Material source) => throw UnityStandIn.CompileOnly.Call();
        public Color color { get => throw UnityStandIn.CompileOnly.Call(); set => throw UnityStandIn.CompileOnly.Call(); }
    }

    // Runtime/Export/Graphics/GraphicsRenderers.bindings.cs
    public partial class SkinnedMeshRenderer : Renderer
    {
        public Mesh sharedMesh { get => throw UnityStandIn.CompileOnly.Call(); set => throw UnityStandIn.CompileOnly.Call(); }
        public float GetBlendShapeWeight(int index) => throw UnityStandIn.CompileOnly.Call();
        public void SetBlendShapeWeight(int index, float value) => throw UnityStandIn.CompileOnly.Call();
    }

    // Runtime/Export/Graphics/Mesh.bindings.cs and Mesh.cs
    public sealed partial class Mesh : Object
    {
        public Mesh() => throw UnityStandIn.CompileOnly.Call();
        public Vector3[] vertices { get => throw UnityStandIn.CompileOnly.Call(); set => throw UnityStandIn.CompileOnly.Call(); }
        public int[] triangles { get => throw UnityStandIn.CompileOnly.Call(); set => throw UnityStandIn.CompileOnly.Call(); }
        public void RecalculateNormals() => throw UnityStandIn.CompileOnly.Call();
        public void RecalculateBounds() => throw UnityStandIn.CompileOnly.Call();
        public int blendShapeCount => throw UnityStandIn.CompileOnly.Call();
        public int GetBlendShapeIndex(string blendShapeName) => throw UnityStandIn.CompileOnly.Call();
        public void AddBlendShapeFrame(string shapeName, float frameWeight, Vector3[] deltaVertices, Vector3[] deltaNormals,
            Vector3[] deltaTangents) =>
            throw UnityStandIn.CompileOnly.Call();
    }
}
