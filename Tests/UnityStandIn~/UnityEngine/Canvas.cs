namespace UnityEngine
{
    // Modules/UI/Canvas.bindings.cs (UIModule)
    public enum RenderMode
    {
        ScreenSpaceOverlay = 0,
        ScreenSpaceCamera = 1,
        WorldSpace = 2,
    }

    // Modules/UI/Canvas.bindings.cs
    public sealed class Canvas : Behaviour
    {
        public RenderMode renderMode { get => throw UnityStandIn.CompileOnly.Call(); set => throw UnityStandIn.CompileOnly.Call(); }
    }
}
