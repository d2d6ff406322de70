using System.Collections;

namespace UnityEngine.TestTools
{
    // com.unity.test-framework 1.1.33: UnityEditor.TestRunner/TestRunner/Utils/IEditModeTestYieldInstruction.cs
    public interface IEditModeTestYieldInstruction
    {
        bool ExpectDomainReload { get; }
        bool ExpectedPlaymodeState { get; }
        IEnumerator Perform();
    }

    // UnityEditor.TestRunner/TestRunner/Utils/EnterPlayMode.cs
    public class EnterPlayMode : IEditModeTestYieldInstruction
    {
        public EnterPlayMode(bool expectDomainReload = true) => throw UnityStandIn.CompileOnly.Call();
        public bool ExpectDomainReload => throw UnityStandIn.CompileOnly.Call();
        public bool ExpectedPlaymodeState => throw UnityStandIn.CompileOnly.Call();
        public IEnumerator Perform() => throw UnityStandIn.CompileOnly.Call();
    }

    // UnityEditor.TestRunner/TestRunner/Utils/ExitPlayMode.cs
    public class ExitPlayMode : IEditModeTestYieldInstruction
    {
        public ExitPlayMode() => throw UnityStandIn.CompileOnly.Call();
        public bool ExpectDomainReload => throw UnityStandIn.CompileOnly.Call();
        public bool ExpectedPlaymodeState => throw UnityStandIn.CompileOnly.Call();
        public IEnumerator Perform() => throw UnityStandIn.CompileOnly.Call();
    }
}
