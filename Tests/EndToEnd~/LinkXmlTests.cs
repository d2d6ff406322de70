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
    /// <summary>Runtime/link.xml is valid, names only assemblies the runtime really loads, and says why for each.</summary>
    public class LinkXmlTests
    {
        private static XDocument Load() => XDocument.Load(Path.Combine(RepoPaths.Root, "Runtime", "link.xml"), LoadOptions.None);

        [Test]
        public void EveryKeptAssemblyExistsUnderThatName()
        {
            var names = Load().Root!.Elements("assembly").Select(a => (string)a.Attribute("fullname")!).ToList();
            Assert.That(names, Is.Not.Empty);
            foreach (var name in names)
                Assert.That(() => Assembly.Load(new AssemblyName(name)), Throws.Nothing, name + " is kept by link.xml but no such assembly ships");
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
