namespace UnityEditor.Build.Reporting
{
    // Editor/Mono/BuildPipeline/BuildReport/BuildReport.bindings.cs (no member of it is used)
    public sealed class BuildReport : UnityEngine.Object
    {
        private BuildReport() => throw UnityStandIn.CompileOnly.Call();
    }
}
