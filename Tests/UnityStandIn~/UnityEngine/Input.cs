namespace UnityEngine
{
    // Modules/InputLegacy/Input.bindings.cs (InputLegacyModule; it throws InvalidOperationException when the project's
    // Active Input Handling is the Input System only, when ENABLE_LEGACY_INPUT_MANAGER is not defined)
    public class Input
    {
        public static bool GetKeyDown(KeyCode key) => throw UnityStandIn.CompileOnly.Call();
        public static bool GetKeyUp(KeyCode key) => throw UnityStandIn.CompileOnly.Call();
    }

    // Runtime/Export/Input/KeyCode.cs (the values our code names, with Unity's numbers)
    public enum KeyCode
    {
        None = 0,
        Space = 32,
        T = 116,
        V = 118,
    }
}
