namespace UnityStandIn
{
    /// <summary>What every member of the stand-in throws: it exists to be compiled against, never to run.</summary>
    internal static class CompileOnly
    {
        public static System.Exception Call() => new System.NotSupportedException("compile-only stand-in of Unity's API");
    }
}
