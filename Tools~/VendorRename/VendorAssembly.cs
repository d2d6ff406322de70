using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Mono.Cecil;

namespace VoiceNpc.Tools.VendorRename
{
    /// <summary>
    /// Gives a dependency DLL a name of the package's own. Unity refuses two precompiled assemblies of one name and an
    /// assembly named like an asmdef, and projects commonly carry OpenAI, MessagePack, System.Runtime.CompilerServices
    /// .Unsafe, System.Text.Json or Microsoft.Extensions.* of their own (Documentation~/dependencies.md). Namespaces
    /// and types stay as they are; the asmdefs reference these DLLs explicitly, so game code never sees both copies.
    /// The strong name goes (the key is not ours to sign with); references and friend assemblies among the renamed
    /// DLLs are renamed with it.
    /// </summary>
    public static class VendorAssembly
    {
        public const string Prefix = "VoiceNpc.Vendor.";

        /// <summary>The NuGet name of a renamed (or not yet renamed) DLL's file.</summary>
        public static string Original(string file)
        {
            string name = Path.GetFileNameWithoutExtension(file);
            return name.StartsWith(Prefix, StringComparison.Ordinal) ? name.Substring(Prefix.Length) : name;
        }

        public static void Rename(string dll, string folder, ICollection<string> renamed, IAssemblyResolver resolver)
        {
            // Deferred: attributes not touched here are written back as the bytes they were, never resolved.
            var parameters = new ReaderParameters { ReadingMode = ReadingMode.Deferred, AssemblyResolver = resolver };
            using var assembly = AssemblyDefinition.ReadAssembly(dll, parameters);
            string name = assembly.Name.Name;
            if (!renamed.Contains(name)) throw new InvalidOperationException($"{dll}: its assembly is named {name}, not after its file");
            Unsign(assembly.Name);
            assembly.Name.Name = Prefix + name;
            var module = assembly.MainModule;
            module.Name = Prefix + name + ".dll";
            module.Attributes &= ~ModuleAttributes.StrongNameSigned;
            foreach (var reference in module.AssemblyReferences.Where(r => renamed.Contains(r.Name)))
            {
                reference.Name = Prefix + reference.Name;
                reference.PublicKeyToken = Array.Empty<byte>();
            }
            RenameFriends(assembly, renamed);
            assembly.Write(Path.Combine(folder, module.Name));
        }

        private static void Unsign(AssemblyNameDefinition name)
        {
            name.PublicKey = Array.Empty<byte>();
            name.HasPublicKey = false;
        }

        /// <summary>InternalsVisibleTo("Name, PublicKey=...") between renamed DLLs: the new name, no key.</summary>
        private static void RenameFriends(AssemblyDefinition assembly, ICollection<string> renamed)
        {
            const string friendAttribute = "System.Runtime.CompilerServices.InternalsVisibleToAttribute";
            foreach (var attribute in assembly.CustomAttributes.Where(a => a.AttributeType.FullName == friendAttribute))
            {
                string friend = ((string)attribute.ConstructorArguments[0].Value).Split(',')[0].Trim();
                if (!renamed.Contains(friend)) continue;
                attribute.ConstructorArguments[0] = new CustomAttributeArgument(attribute.ConstructorArguments[0].Type, Prefix + friend);
            }
        }
    }
}
