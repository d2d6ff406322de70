using System;

namespace UnityEngine
{
    // Runtime/Export/Scripting/Attributes.cs
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = true)]
    public sealed class RequireComponent : Attribute
    {
        public RequireComponent(Type requiredComponent) => throw UnityStandIn.CompileOnly.Call();
    }

    // Runtime/Export/Scripting/Attributes.cs
    [AttributeUsage(AttributeTargets.Class, Inherited = false)]
    public sealed class DisallowMultipleComponent : Attribute
    {
    }

    // Runtime/Export/Scripting/Attributes.cs
    public sealed class AddComponentMenu : Attribute
    {
        public AddComponentMenu(string menuName) => throw UnityStandIn.CompileOnly.Call();
    }

    // Runtime/Export/Scripting/RuntimeInitializeOnLoadAttribute.cs
    public enum RuntimeInitializeLoadType
    {
        AfterSceneLoad = 0,
        BeforeSceneLoad = 1,
        AfterAssembliesLoaded = 2,
        BeforeSplashScreen = 3,
        SubsystemRegistration = 4,
    }

    // Runtime/Export/Scripting/RuntimeInitializeOnLoadAttribute.cs (derives from Scripting.PreserveAttribute in Unity)
    [AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
    public class RuntimeInitializeOnLoadMethodAttribute : Attribute
    {
        public RuntimeInitializeOnLoadMethodAttribute(RuntimeInitializeLoadType loadType) => throw UnityStandIn.CompileOnly.Call();
    }
}
