using System;
using System.IO;
using NUnit.Framework;
using VoiceNpc.Tests.Support;

namespace VoiceNpc.Tests.EndToEnd.Package
{
    /// <summary>The repository's package tarball, built once per test run through `voicenpc package build` (as ./build.sh package does).</summary>
    public static class BuiltPackage
    {
        private static readonly Lazy<string> Built = new Lazy<string>(Build);

        public static string Tarball => Built.Value;

        public static string Folder => Path.GetDirectoryName(Tarball)!;

        private static string Build()
        {
            string folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "voicenpc-package-" + Guid.NewGuid().ToString("N"))).FullName;
            AppDomain.CurrentDomain.ProcessExit += (_, _) => { try { Directory.Delete(folder, true); } catch (IOException) { } };
            var (code, output, error) = VoicenpcProcess.Run("package", "build", "--root", RepoPaths.Root, "--output", folder);
            Assert.That(code, Is.EqualTo(0), error);
            return output.Trim();
        }
    }
}
