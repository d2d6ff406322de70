namespace UnityEditor.Build
{
    // Editor/Mono/BuildPipeline/BuildPipelineInterfaces.cs
    public interface IOrderedCallback
    {
        int callbackOrder { get; }
    }

    // Editor/Mono/BuildPipeline/BuildPipelineInterfaces.cs (2021.2 and later: OnBeforeRun/OnAfterRun are gone)
    public interface IUnityLinkerProcessor : IOrderedCallback
    {
        string GenerateAdditionalLinkXmlFile(Reporting.BuildReport report, UnityLinker.UnityLinkerBuildPipelineData data);
    }
}
