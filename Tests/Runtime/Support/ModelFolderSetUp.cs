using NUnit.Framework;
using VoiceNpc.Hosting;
using VoiceNpc.Tests.Support;

/// <summary>The tests read the build's models (./build.sh puts them in Runtime/Resources/VoiceNpcModels), as a game sets its folder once.</summary>
[SetUpFixture]
public sealed class ModelFolderSetUp
{
    [OneTimeSetUp]
    public void UseTheBuildsModels()
    {
        if (VoiceNpcFolders.Models == null) VoiceNpcFolders.Models = RepoPaths.Models;
    }
}
