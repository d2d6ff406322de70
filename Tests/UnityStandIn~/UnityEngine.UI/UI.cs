using UnityEngine;

namespace UnityEngine.EventSystems
{
    // com.unity.ugui 1.0.0: Runtime/EventSystem/UIBehaviour.cs
    public abstract class UIBehaviour : MonoBehaviour
    {
    }
}

namespace UnityEngine.UI
{
    // com.unity.ugui 1.0.0: Runtime/UI/Core/Graphic.cs (Unity's also implements ICanvasElement)
    public abstract class Graphic : EventSystems.UIBehaviour
    {
        public virtual Color color { get => throw UnityStandIn.CompileOnly.Call(); set => throw UnityStandIn.CompileOnly.Call(); }
        public RectTransform rectTransform => throw UnityStandIn.CompileOnly.Call();
    }

    // Runtime/UI/Core/MaskableGraphic.cs (Unity's also implements IClippable, IMaskable, IMaterialModifier)
    public abstract class MaskableGraphic : Graphic
    {
    }

    // Runtime/UI/Core/Text.cs (Unity's also implements ILayoutElement)
    public class Text : MaskableGraphic
    {
        public Font font { get => throw UnityStandIn.CompileOnly.Call(); set => throw UnityStandIn.CompileOnly.Call(); }
        public virtual string text { get => throw UnityStandIn.CompileOnly.Call(); set => throw UnityStandIn.CompileOnly.Call(); }
        public int fontSize { get => throw UnityStandIn.CompileOnly.Call(); set => throw UnityStandIn.CompileOnly.Call(); }
        public TextAnchor alignment { get => throw UnityStandIn.CompileOnly.Call(); set => throw UnityStandIn.CompileOnly.Call(); }
    }

    // Runtime/UI/Core/Layout/CanvasScaler.cs
    public class CanvasScaler : EventSystems.UIBehaviour
    {
        public enum ScaleMode { ConstantPixelSize, ScaleWithScreenSize, ConstantPhysicalSize }

        public ScaleMode uiScaleMode { get => throw UnityStandIn.CompileOnly.Call(); set => throw UnityStandIn.CompileOnly.Call(); }
        public Vector2 referenceResolution { get => throw UnityStandIn.CompileOnly.Call(); set => throw UnityStandIn.CompileOnly.Call(); }
    }
}
