namespace VoiceNpc.Unity
{
    /// <summary>Object.Destroy is for play mode only; in edit mode (EditMode tests, editor tools) Unity wants DestroyImmediate.</summary>
    internal static class UnityObjects
    {
        public static void Destroy(UnityEngine.Object target)
        {
            if (UnityEngine.Application.isPlaying) UnityEngine.Object.Destroy(target);
            else UnityEngine.Object.DestroyImmediate(target);
        }
    }
}
