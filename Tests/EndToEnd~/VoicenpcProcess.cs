using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using NUnit.Framework;

namespace VoiceNpc.Tests.EndToEnd
{
    /// <summary>Runs the built voicenpc command as a user would, and returns its exit code and output.</summary>
    public static class VoicenpcProcess
    {
        /// <param name="voicenpcDll">Another build's voicenpc.dll; the one beside the tests when null.</param>
        public static (int Code, string Out, string Err) Run(IEnumerable<string> args, IReadOnlyDictionary<string, string?>? environment = null, int timeoutSeconds = 180,
            string? voicenpcDll = null)
        {
            var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
            info.ArgumentList.Add(voicenpcDll ?? Path.Combine(AppContext.BaseDirectory, "voicenpc.dll"));
            foreach (var a in args) info.ArgumentList.Add(a);
            if (environment != null)
                foreach (var (name, value) in environment) info.Environment[name] = value;
            using var process = Process.Start(info)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(timeoutSeconds * 1000)) { process.Kill(true); Assert.Fail($"voicenpc {string.Join(" ", args)} did not finish in {timeoutSeconds} s"); }
            return (process.ExitCode, stdout.Result, stderr.Result);
        }

        public static (int Code, string Out, string Err) Run(params string[] args) => Run((IEnumerable<string>)args);
    }
}
