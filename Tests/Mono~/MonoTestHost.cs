// The Mono test host: runs the engine-free tests (VoiceNpc.Tests.dll) with NUnit's own framework runner, prints every
// failure and the counts, and exits non-zero on a failure or when no test ran. Compiled by mcs in Tools~/mono-tests.sh.
//   mono MonoTestHost.exe VoiceNpc.Tests.dll [exclusions.txt]
// An exclusions file lists one test's full name per line, then " # " and why it cannot run on Mono.
using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Security;
using NUnit.Framework.Api;
using NUnit.Framework.Interfaces;
using NUnit.Framework.Internal;

public static class MonoTestHost
{
    public static int Main(string[] args)
    {
        if (args.Length < 1 || args.Length > 2)
        {
            Console.Error.WriteLine("usage: mono MonoTestHost.exe TESTS.dll [EXCLUSIONS.txt]");
            return 2;
        }
        var excluded = args.Length == 2 ? ReadExclusions(args[1]) : new List<string>();
        var runner = new NUnitTestAssemblyRunner(new DefaultTestAssemblyBuilder());
        runner.Load(Assembly.LoadFrom(args[0]), new Dictionary<string, object>());
        var listener = new FailurePrinter(Console.Out);
        var result = runner.Run(listener, Filter(excluded));
        var notFound = excluded.Where(name => !listener.Seen.Contains(name) && !Exists(runner.LoadedTest, name)).ToList();
        foreach (var name in notFound) Console.WriteLine("mono-tests: the exclusion names no test: " + name);
        Console.WriteLine("excluded on Mono: " + excluded.Count);
        Console.WriteLine("mono: {0} passed, {1} failed, {2} skipped", result.PassCount, result.FailCount,
            result.SkipCount + result.InconclusiveCount);
        return result.FailCount == 0 && result.PassCount > 0 && notFound.Count == 0 ? 0 : 1;
    }

    private static List<string> ReadExclusions(string path)
    {
        var names = new List<string>();
        foreach (var raw in File.ReadAllLines(path))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith("#", StringComparison.Ordinal)) continue;
            var hash = line.IndexOf(" # ", StringComparison.Ordinal);
            if (hash < 0) throw new InvalidDataException(path + ": \"" + line + "\" has no \" # reason\"");
            names.Add(line.Substring(0, hash).Trim());
        }
        return names;
    }

    private static ITestFilter Filter(List<string> excluded)
    {
        if (excluded.Count == 0) return TestFilter.Empty;
        var names = string.Concat(excluded.Select(name => "<test>" + SecurityElement.Escape(name) + "</test>"));
        return TestFilter.FromXml("<filter><not><or>" + names + "</or></not></filter>");
    }

    private static bool Exists(ITest test, string fullName) =>
        test.FullName == fullName || test.Tests.Any(child => Exists(child, fullName));

    private sealed class FailurePrinter : ITestListener
    {
        public readonly HashSet<string> Seen = new HashSet<string>();

        // NUnit redirects Console.Out to the running test while it calls a listener: failures go to the real one.
        private readonly TextWriter output;

        public FailurePrinter(TextWriter output) => this.output = output;

        public void TestStarted(ITest test) => Seen.Add(test.FullName);

        public void TestFinished(ITestResult result)
        {
            if (result.Test.IsSuite || result.ResultState.Status != TestStatus.Failed) return;
            output.WriteLine("FAILED " + result.FullName + ": " + result.Message);
            if (!string.IsNullOrEmpty(result.StackTrace)) output.WriteLine(result.StackTrace);
        }

        public void TestOutput(TestOutput output) { }
    }
}
