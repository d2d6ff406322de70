namespace UnityEngine
{
    // Runtime/Export/Scripting/UnityEngineObject.bindings.cs
    public enum HideFlags
    {
        None = 0,
        HideInHierarchy = 1,
        HideInInspector = 2,
        DontSaveInEditor = 4,
        NotEditable = 8,
        DontSaveInBuild = 16,
        DontUnloadUnusedAsset = 32,
        DontSave = DontSaveInEditor | DontSaveInBuild | DontUnloadUnusedAsset,
        HideAndDontSave = HideInHierarchy | DontSaveInEditor | NotEditable | DontSaveInBuild | DontUnloadUnusedAsset,
    }

    // Runtime/Export/Scripting/UnityEngineObject.bindings.cs
    public partial class Object
    {
        public string name { get => throw UnityStandIn.CompileOnly.Call(); set => throw UnityStandIn.CompileOnly.Call(); }

        // Unity overrides both beside its == and != (which compare the native objects).
        public override int GetHashCode() => throw UnityStandIn.CompileOnly.Call();
        public override bool Equals(object other) => throw UnityStandIn.CompileOnly.Call();
        public HideFlags hideFlags { get => throw UnityStandIn.CompileOnly.Call(); set => throw UnityStandIn.CompileOnly.Call(); }
        public static void Destroy(Object obj) => throw UnityStandIn.CompileOnly.Call();
        public static void DestroyImmediate(Object obj) => throw UnityStandIn.CompileOnly.Call();
        public static T FindAnyObjectByType<T>() where T : Object => throw UnityStandIn.CompileOnly.Call();
        public static bool operator ==(Object x, Object y) => throw UnityStandIn.CompileOnly.Call();
        public static bool operator !=(Object x, Object y) => throw UnityStandIn.CompileOnly.Call();
    }
}
