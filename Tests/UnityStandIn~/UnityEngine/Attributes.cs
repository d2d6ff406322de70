using System;

namespace UnityEngine
{
    // Runtime/Export/Scripting/Attributes.cs
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
    public sealed class CreateAssetMenuAttribute : Attribute
    {
        public string menuName { get => throw UnityStandIn.CompileOnly.Call(); set => throw UnityStandIn.CompileOnly.Call(); }
        public string fileName { get => throw UnityStandIn.CompileOnly.Call(); set => throw UnityStandIn.CompileOnly.Call(); }
    }
}
