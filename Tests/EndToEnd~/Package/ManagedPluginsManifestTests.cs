using System;
using System.Diagnostics;
using System.IO;
using NUnit.Framework;
using VoiceNpc.Tests.Support;

namespace VoiceNpc.Tests.Package
{
    /// <summary>
    /// Tools~/ManagedPlugins/managed_plugins.py, run in a copy of the repository's script, manifest and restore results:
    /// the DLLs it stages match the manifest, and any drift from it fails the build.
    /// </summary>
    public class ManagedPluginsManifestTests
    {
        private string _root = "";

        [SetUp]
        public void CopyScriptAndRestore()
        {
            _root = Path.Combine(Path.GetTempPath(), "voicenpc-managed-plugins-" + Guid.NewGuid().ToString("N"));
            foreach (string file in new[] { "Tools~/ManagedPlugins/managed_plugins.py", "Tools~/ManagedPlugins/manifest.tsv",
                         ".artifacts/obj/VoiceNpc.Runtime/project.assets.json", ".artifacts/obj/VoiceNpc.Cloud/project.assets.json",
                         ".artifacts/obj/VoiceNpc.Authoring/project.assets.json" })
            {
                string target = Path.Combine(_root, file);
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(Path.Combine(RepoPaths.Root, file), target);
            }
        }

        [TearDown]
        public void DeleteCopy() => Directory.Delete(_root, true);

        [Test]
        public void TheRestoreMatchesTheCommittedManifest()
        {
            var (code, output) = Run();
            Assert.That(code, Is.EqualTo(0), output);
            Assert.That(File.Exists(Path.Combine(_root, ".artifacts/managed-plugins/Runtime/Plugins/Managed/System.Text.Json.dll")));
            Assert.That(File.Exists(Path.Combine(_root, ".artifacts/managed-plugins/Editor/Plugins/Managed/Microsoft.ML.Tokenizers.dll")));
        }

        [Test]
        public void OtherBytesThanTheManifestSaysFail()
        {
            string manifest = Path.Combine(_root, "Tools~/ManagedPlugins/manifest.tsv");
            string text = File.ReadAllText(manifest);
            int line = text.IndexOf("\nOpenAI.dll\t", StringComparison.Ordinal);
            int end = text.IndexOf('\n', line + 1);
            File.WriteAllText(manifest, text.Substring(0, end - 64) + new string('0', 64) + text.Substring(end));
            var (code, output) = Run();
            Assert.That(code, Is.EqualTo(1));
            Assert.That(output, Does.Contain("OpenAI.dll: the manifest says"));
        }

        [Test]
        public void ADllTheManifestDoesNotListFails()
        {
            string manifest = Path.Combine(_root, "Tools~/ManagedPlugins/manifest.tsv");
            var lines = File.ReadAllLines(manifest);
            File.WriteAllLines(manifest, Array.FindAll(lines, l => !l.StartsWith("Polly.Core.dll\t", StringComparison.Ordinal)));
            var (code, output) = Run();
            Assert.That(code, Is.EqualTo(1));
            Assert.That(output, Does.Contain("Polly.Core 8.9.1 brings Polly.Core.dll, which the manifest does not list"));
        }

        private (int Code, string Output) Run()
        {
            var start = new ProcessStartInfo("python3", Path.Combine(_root, "Tools~/ManagedPlugins/managed_plugins.py"))
            {
                RedirectStandardOutput = true, RedirectStandardError = true,
            };
            using var process = Process.Start(start)!;
            var stderr = process.StandardError.ReadToEndAsync();
            string stdout = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return (process.ExitCode, stdout + stderr.Result);
        }
    }
}
