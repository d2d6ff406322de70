using System;
using System.Text.RegularExpressions;
using UnityEngine;

namespace UnityEngine.TestTools
{
    // com.unity.test-framework 1.1.33: UnityEngine.TestRunner/NUnitExtensions/Attributes/UnityTestAttribute.cs. Unity's
    // derives from NUnit's CombiningStrategyAttribute and implements NUnit's builder interfaces, which callers never see.
    [AttributeUsage(AttributeTargets.Method)]
    public class UnityTestAttribute : Attribute
    {
        public UnityTestAttribute() => throw UnityStandIn.CompileOnly.Call();
    }

    // UnityEngine.TestRunner/Assertions/LogAssert.cs
    public static class LogAssert
    {
        public static bool ignoreFailingMessages { get => throw UnityStandIn.CompileOnly.Call(); set => throw UnityStandIn.CompileOnly.Call(); }
        public static void Expect(LogType type, string message) => throw UnityStandIn.CompileOnly.Call();
        public static void Expect(LogType type, Regex message) => throw UnityStandIn.CompileOnly.Call();
        public static void NoUnexpectedReceived() => throw UnityStandIn.CompileOnly.Call();
    }
}
