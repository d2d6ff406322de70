using System;
using System.Diagnostics;
using System.Threading;
using NUnit.Framework;

namespace VoiceNpc.Tests.EndToEnd
{
    /// <summary>Waits for something a device, a process or a fake server does, polling; fails naming it after a generous limit.</summary>
    public static class Eventually
    {
        public static void Until(Func<bool> condition, string what, double seconds = 30)
        {
            var limit = Stopwatch.StartNew();
            while (!condition())
            {
                if (limit.Elapsed > TimeSpan.FromSeconds(seconds)) Assert.Fail($"{what} did not happen within {seconds} s");
                Thread.Sleep(10);
            }
        }
    }
}
