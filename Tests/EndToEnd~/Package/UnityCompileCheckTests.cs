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
            Assert.That(output, Does.Contain("unity-compile editor: Game").And.Contains("unity-compile player-il2cpp: Game")
                .And.Contains("unity-compile player-android: Game"));
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

        [Test]
        public void VersionDefinesHoldForTheProjectsPackageVersions()
        {
            // The project has uGUI 1.0.0 and TextMeshPro 3.0.6 (InstalledPackages): only the matching defines are set.
            Write("Runtime/Game.asmdef", @"{ ""name"": ""Game"", ""noEngineReferences"": true, ""versionDefines"": [
                { ""name"": ""com.unity.textmeshpro"", ""expression"": ""[3.0,4.0)"", ""define"": ""GAME_TMP"" },
                { ""name"": ""com.unity.ugui"", ""expression"": ""2.0.0"", ""define"": ""GAME_UGUI2"" },
                { ""name"": ""com.example.absent"", ""expression"": ""0.1.0"", ""define"": ""GAME_ABSENT"" } ] }");
            Write("Runtime/Npc.cs", "#if !GAME_TMP || GAME_UGUI2 || GAME_ABSENT\nthis is not C#\n#endif\nnamespace Game { class Npc { } }");
            Assert.That(Run().Code, Is.EqualTo(0));

            Write("Runtime/Game.asmdef",
                @"{ ""name"": ""Game"", ""versionDefines"": [{ ""name"": ""com.unity.ugui"", ""expression"": ""[1.0"", ""define"": ""X"" }] }");
            AssertRefused("versionDefines entry {name \"com.unity.ugui\", expression \"[1.0\"} is not valid");
        }

        [Test]
        public void AReferenceToAUnityPackageAssemblyCompilesAgainstItsStandIn()
        {
            Write("Runtime/Game.asmdef", @"{ ""name"": ""Game"", ""references"": [""UnityEngine.UI""] }");
            Write("Runtime/Npc.cs", "namespace Game { class Npc { UnityEngine.UI.Text? label; } }");
            Write("Runtime/csc.rsp", "-nullable:enable");
            Assert.That(Run().Code, Is.EqualTo(0));

            Write("Runtime/Game.asmdef", @"{ ""name"": ""Game"" }");
            AssertRefused("'UI' does not exist in the namespace 'UnityEngine'");
        }

        [Test]
        public void TheAndroidPlayerCompilesTheAndroidBranches()
        {
            Write("Runtime/Game.asmdef", @"{ ""name"": ""Game"" }");
            Write("Runtime/Npc.cs",
                "namespace Game { class Npc {\n#if UNITY_ANDROID\nbool ok = UnityEngine.Android.Permission.Missing();\n#endif\n} }");
            AssertRefused("'Permission' does not contain a definition for 'Missing'");
        }

        [Test]
        public void ASamplesCodeIsCompiledAsUnityCompilesAnImportedSample()
        {
            Write("Samples~/Demo/Scripts/Demo.asmdef", @"{ ""name"": ""Demo"", ""references"": [""Game""] }");
            Write("Samples~/Demo/Scripts/Boot.cs", "namespace Demo { class Boot : UnityEngine.MonoBehaviour { Game.Npc npc = new Game.Npc(); } }");
            var (code, output, _) = Run();
            Assert.That(code, Is.EqualTo(0));
            Assert.That(output, Does.Contain("unity-compile player-mono: Game, Demo"));

            Write("Samples~/Demo/Scripts/Boot.cs", "namespace Demo { class Boot : UnityEngine.MonoBehaviour { Game.Missing npc; } }");
            AssertRefused("Missing");
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
