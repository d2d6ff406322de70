namespace TMPro
{
    // com.unity.textmeshpro 3.0.6: Scripts/Runtime/TMP_Text.cs (com.unity.ugui 2.0: Runtime/TMP/TMP_Text.cs); Unity's
    // implements ILayoutElement too
    public abstract class TMP_Text : UnityEngine.UI.MaskableGraphic
    {
        public virtual string text { get => throw UnityStandIn.CompileOnly.Call(); set => throw UnityStandIn.CompileOnly.Call(); }
    }
}
