using System;
using System.Diagnostics;
using System.IO;
using NUnit.Framework;
using VoiceNpc.Cli;
using VoiceNpc.Memory;

namespace VoiceNpc.Tests.EndToEnd
{
    /// <summary>Saves survive a process killed at any moment: each reload is the state of one whole save.</summary>
    public class MemoryCrashTests
    {
        [Test]
        public void KillingTheProcessMidSaveAlwaysLeavesAWholeMemory()
        {
            string folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "voicenpc-crash-" + Guid.NewGuid().ToString("N"))).FullName;
            var random = new Random(7);
            var store = new MemoryStore(folder);
            try
            {
                for (int round = 0; round < 40; round++)
                {
                    var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
                    foreach (var a in new[] { Path.Combine(AppContext.BaseDirectory, "voicenpc.dll"), "memory", "stress-save", "--folder", folder, "--character", "c", "--player", "p" })
                        info.ArgumentList.Add(a);
                    using var child = Process.Start(info)!;
                    int acknowledged = -1, wanted = random.Next(1, 200);
                    for (int saves = 0; saves < wanted; saves++)
                    {
                        string? line = child.StandardOutput.ReadLine();
                        if (line == null) Assert.Fail("the saving process ended: " + child.StandardError.ReadToEnd());
                        acknowledged = int.Parse(line!.Substring("saved ".Length));
                    }
                    child.Kill();   // SIGKILL: no finally blocks, no flushing, mid-save more often than not
                    child.WaitForExit();

                    var loaded = store.Load("c", "p");
                    Assert.That(loaded.Problem, Is.Null, $"round {round}: {loaded.Problem?.Message}");
                    Assert.That(StressMemory.Problem(loaded.Memory), Is.Null, $"round {round}");
                    Assert.That(loaded.Memory.Turns.Count, Is.GreaterThanOrEqualTo(acknowledged), $"round {round}: a save that returned is never lost");
                }
                Assert.That(Directory.GetFiles(folder, "*.damaged-*", SearchOption.AllDirectories), Is.Empty);
            }
            finally
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }
}
