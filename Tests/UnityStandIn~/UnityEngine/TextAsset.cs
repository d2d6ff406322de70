namespace UnityEngine
{
    // Runtime/Export/Scripting/TextAsset.bindings.cs
    public partial class TextAsset : Object
    {
        public TextAsset(string text) => throw UnityStandIn.CompileOnly.Call();
        public byte[] bytes => throw UnityStandIn.CompileOnly.Call();
    }
}
