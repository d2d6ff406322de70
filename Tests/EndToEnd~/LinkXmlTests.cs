using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Xml;
using System.Xml.Linq;
using NUnit.Framework;
using VoiceNpc.Tests.Support;

namespace VoiceNpc.Tests.EndToEnd
{
    /// <summary>Runtime/link.xml is valid, names only assemblies the package ships, and says why for each.</summary>
    public class LinkXmlTests
    {
        private static XDocument Load() => XDocument.Load(Path.Combine(RepoPaths.Root, "Runtime", "link.xml"), LoadOptions.None);

        [Test]
        public void EveryKeptAssemblyExistsUnderThatName()
        {
            var names = Load().Root!.Elements("assembly").Select(a => (string)a.Attribute("fullname")!).ToList();
            Assert.That(names, Is.Not.Empty);
            // The names the package ships its DLLs under (renamed VoiceNpc.Vendor.*), read from their metadata.
            var shipped = Directory.GetFiles(Path.Combine(RepoPaths.Root, "Runtime", "Plugins", "Managed"), "*.dll")
                .Select(f => AssemblyName.GetAssemblyName(f).Name).ToList();
            Assert.That(shipped, Is.Not.Empty, "Runtime/Plugins/Managed holds no DLL: run ./build.sh");
            foreach (var name in names)
                Assert.That(shipped, Does.Contain(name), name + " is kept by link.xml but no such assembly ships");
        }

        [Test]
        public void EveryEntrySaysWhyItIsKept()
        {
            foreach (var assembly in Load().Root!.Elements("assembly"))
            {
                var before = assembly.NodesBeforeSelf().LastOrDefault();
                Assert.That(before, Is.InstanceOf<XComment>(), $"{assembly} has no comment saying why it is kept");
            }
        }

        [Test]
        public void TheEditorHandsTheLinkerThePackagesFile()
        {
            string provider = File.ReadAllText(Path.Combine(RepoPaths.Root, "Editor", "Unity", "LinkXmlProvider.cs"));
            string package = File.ReadAllText(Path.Combine(RepoPaths.Root, "package.json"));
            string name = System.Text.Json.JsonDocument.Parse(package).RootElement.GetProperty("name").GetString()!;
            Assert.That(provider, Does.Contain($"\"Packages/{name}/Runtime/link.xml\""));
        }
    }
}
