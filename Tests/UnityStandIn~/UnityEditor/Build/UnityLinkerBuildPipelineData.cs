namespace UnityEditor.UnityLinker
{
    // Editor/Mono/BuildPipeline/UnityLinker/UnityLinkerBuildPipelineData.cs (no member of it is used)
    public sealed class UnityLinkerBuildPipelineData
    {
        private UnityLinkerBuildPipelineData() => throw UnityStandIn.CompileOnly.Call();
    }
}
