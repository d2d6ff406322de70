using UnityEngine;

namespace UnityEditor
{
    // Editor/Mono/MonoScript.bindings.cs (a TextAsset in Unity; only this member is used)
    public partial class MonoScript : TextAsset
    {
        private MonoScript() : base("") => throw UnityStandIn.CompileOnly.Call();
        public static MonoScript FromMonoBehaviour(MonoBehaviour behaviour) => throw UnityStandIn.CompileOnly.Call();
    }
}
