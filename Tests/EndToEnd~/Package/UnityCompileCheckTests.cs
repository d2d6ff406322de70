using System;
using System.IO;
using NUnit.Framework;
using VoiceNpc.Tests.Support;
using VoiceNpc.Tools.UnityCompile;

namespace VoiceNpc.Tests.Package
{
    /// <summary>
    /// Tools~/UnityCompile on small packages written here: it must refuse what Unity would refuse and skip what Unity
    /// skips. (./build.sh test runs it on the real package.)
    /// </summary>
    public class UnityCompileCheckTests
    {
        private string _root = "";

        [SetUp]
        public void CreatePackage()
        {
            _root = Path.Combine(Path.GetTempPath(), "voicenpc-unity-compile-" + Guid.NewGuid().ToString("N"));
            CopyFolder(Path.Combine(RepoPaths.Root, "Tests", "UnityStandIn~"), Path.Combine(_root, "Tests", "UnityStandIn~"));
            Write("Runtime/Game.asmdef", @"{ ""name"": ""Game"", ""noEngineReferences"": true }");
            Write("Runtime/Npc.cs", "namespace Game { public sealed class Npc { public string Name = \"smith\"; } }");
        }

        [TearDown]
        public void DeletePackage() => Directory.Delete(_root, true);

        [Test]
        public void AValidPackageCompilesForEveryTarget()
        {
            var (code, output, _) = Run();
            Assert.That(code, Is.EqualTo(0));
            Assert.That(output, Does.Contain("unity-compile editor: Game").And.Contains("unity-compile player-il2cpp: Game"));
        }

        [Test]
        public void AReferenceToAnAssemblyThatDoesNotExistFails()
        {
            Write("Runtime/Game.asmdef", @"{ ""name"": ""Game"", ""references"": [""Game.Missing""] }");
            AssertRefused("references Game.Missing, which is neither an asmdef of the package nor a Unity assembly");
        }

        [Test]
        public void NullableAnnotationsNeedTheAsmdefsResponseFileAsInUnity()
        {
            Write("Runtime/Npc.cs", "namespace Game { public sealed class Npc { public string? Name; } }");
            AssertRefused("CS8632");

            Write("Runtime/csc.rsp", "-nullable:enable");
            Assert.That(Run().Code, Is.EqualTo(0));
        }

        [Test]
        public void FoldersUnitySkipsAreNotCompiled()
        {
            Write("Runtime/Tools~/Broken.cs", "this is not C#");
            Write("Runtime/.hidden/Broken.cs", "this is not C#");
            Assert.That(Run().Code, Is.EqualTo(0));
        }

        [Test]
        public void ASourceNoAsmdefOwnsFails()
        {
            Write("Loose/Stray.cs", "namespace Game { class Stray { } }");
            AssertRefused("Stray.cs: no asmdef owns it");
        }

        [Test]
        public void UnityEditorIsOnlyThereInTheEditor()
        {
            Write("Runtime/Game.asmdef", @"{ ""name"": ""Game"" }");
            Write("Runtime/Inspector.cs", "#if UNITY_EDITOR\nnamespace Game { class Inspector : UnityEditor.Editor { } }\n#endif");
            Assert.That(Run().Code, Is.EqualTo(0));

            Write("Runtime/Inspector.cs", "namespace Game { class Inspector : UnityEditor.Editor { } }");
            AssertRefused("'UnityEditor' could not be found");
        }

        [Test]
        public void AnEngineFreeAsmdefDoesNotSeeUnity()
        {
            Write("Runtime/Npc.cs", "namespace Game { public sealed class Npc : UnityEngine.ScriptableObject { } }");
            AssertRefused("'UnityEngine' could not be found");
        }

        [Test]
        public void AnAsmdefWhoseDefineConstraintsFailIsNotCompiled()
        {
            Write("Extra/Extra.asmdef", @"{ ""name"": ""Extra"", ""defineConstraints"": [""VOICENPC_NEVER_DEFINED""] }");
            Write("Extra/Broken.cs", "this is not C#");
            Assert.That(Run().Code, Is.EqualTo(0));
        }

        [Test]
        public void AnAsmdefFieldTheCheckDoesNotModelFails()
        {
            Write("Runtime/Game.asmdef", @"{ ""name"": ""Game"", ""optionalUnityReferences"": [""TestAssemblies""] }");
            AssertRefused("field \"optionalUnityReferences\" is not one the check models");
        }

        [Test]
        public void APrecompiledReferenceThePackageDoesNotShipFails()
        {
            Write("Runtime/Game.asmdef", @"{ ""name"": ""Game"", ""overrideReferences"": true, ""precompiledReferences"": [""Missing.dll""] }");
            AssertRefused("precompiledReferences names Missing.dll, which the package does not ship");
        }

        /// <summary>The check fails, and says why.</summary>
        private void AssertRefused(string expected)
        {
            var (code, _, errors) = Run();
            Assert.That(code, Is.EqualTo(1));
            Assert.That(errors, Does.Contain(expected));
        }

        private (int Code, string Output, string Errors) Run()
        {
            var output = new StringWriter();
            var errors = new StringWriter();
            int code = PackageCompileCheck.Run(_root, output, errors);
            return (code, output.ToString(), errors.ToString());
        }

        private void Write(string relativePath, string text)
        {
            string path = Path.Combine(_root, relativePath);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, text);
        }

        private static void CopyFolder(string from, string to)
        {
            foreach (string file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
            {
                string target = Path.Combine(to, Path.GetRelativePath(from, file));
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(file, target);
            }
        }
    }
}
