namespace UnityEngine
{
    // Modules/TextRendering/TextRendering.bindings.cs (TextRenderingModule)
    public sealed class Font : Object
    {
    }

    // Modules/TextRendering/TextRendering.bindings.cs
    public enum TextAnchor
    {
        UpperLeft = 0,
        UpperCenter = 1,
        UpperRight = 2,
        MiddleLeft = 3,
        MiddleCenter = 4,
        MiddleRight = 5,
        LowerLeft = 6,
        LowerCenter = 7,
        LowerRight = 8,
    }
}
