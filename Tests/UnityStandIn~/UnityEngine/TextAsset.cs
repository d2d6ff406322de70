namespace UnityEngine
{
    // Runtime/Export/Scripting/TextAsset.bindings.cs
    public partial class TextAsset : Object
    {
        public byte[] bytes => throw UnityStandIn.CompileOnly.Call();
    }
}
