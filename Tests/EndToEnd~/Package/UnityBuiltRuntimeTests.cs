using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using NUnit.Framework;
using VoiceNpc.Tests.Support;
using VoiceNpc.Tools.UnityCompile;

namespace VoiceNpc.Tests.Package
{
    /// <summary>
    /// The runtime as the compile-as-Unity check builds it for a Linux Mono player, run on nothing but the DLLs the
    /// package ships (renamed VoiceNpc.Vendor.*): it loads a character (System.Text.Json) and saves and loads a
    /// memory (MessagePack), without the cloud assembly. Proves the renamed DLLs still bind to each other, on CoreCLR
    /// rather than Unity's Mono.
    /// </summary>
    public class UnityBuiltRuntimeTests
    {
        [Test]
        public void TheUnityBuiltRuntimeRunsOnTheShippedDlls()
        {
            string folder = Path.Combine(Path.GetTempPath(), "voicenpc-unity-built-" + Guid.NewGuid().ToString("N"));
            var context = new ShippedDllContext(Path.Combine(folder, "player-mono"), Path.Combine(RepoPaths.Root, "Runtime", "Plugins", "Managed"));
            try
            {
                var errors = new StringWriter();
                Assert.That(PackageCompileCheck.Run(RepoPaths.Root, TextWriter.Null, errors, folder), Is.EqualTo(0), errors.ToString());
                var runtime = context.LoadFromAssemblyPath(Path.Combine(folder, "player-mono", "VoiceNpc.Runtime.dll"));

                dynamic character = runtime.GetType("VoiceNpc.Characters.CharacterLoader")!.GetMethod("Load")!
                    .Invoke(null, new object[] { RepoPaths.BlacksmithCharacter })!;
                Assert.That((string)character.Id, Is.EqualTo("brenna-blacksmith"));

                dynamic store = Activator.CreateInstance(runtime.GetType("VoiceNpc.Memory.MemoryStore")!, Path.Combine(folder, "saves"))!;
                dynamic memory = Activator.CreateInstance(runtime.GetType("VoiceNpc.Memory.NpcMemory")!, "brenna-blacksmith", "player-1")!;
                memory.Summary = "Asked about swords.";
                store.Save(memory);
                Assert.That((string)store.Load("brenna-blacksmith", "player-1").Memory.Summary, Is.EqualTo("Asked about swords."));

                var loaded = context.Assemblies.Select(a => a.GetName().Name).ToList();
                Assert.That(loaded, Does.Contain("VoiceNpc.Vendor.System.Text.Json").And.Contain("VoiceNpc.Vendor.MessagePack"));
                Assert.That(loaded.Where(n => n != "VoiceNpc.Runtime"), Has.All.StartWith("VoiceNpc.Vendor."));
                // The offline runtime needs nothing of the cloud assembly and its SDKs.
                Assert.That(runtime.GetReferencedAssemblies().Select(a => a.Name),
                    Has.None.EqualTo("VoiceNpc.Cloud").And.None.EqualTo("VoiceNpc.Vendor.OpenAI").And.None.EqualTo("VoiceNpc.Vendor.Polly.Core"));
            }
            finally
            {
                context.Unload();
                Directory.Delete(folder, true);
            }
        }

        /// <summary>Resolves every assembly from the given folders; the framework's come from the default context.</summary>
        private sealed class ShippedDllContext : AssemblyLoadContext
        {
            private readonly string[] _folders;

            public ShippedDllContext(params string[] folders) : base(isCollectible: true) => _folders = folders;

            protected override Assembly? Load(AssemblyName name) =>
                _folders.Select(f => Path.Combine(f, name.Name + ".dll")).Where(File.Exists).Select(LoadFromAssemblyPath).FirstOrDefault();
        }
    }
}
