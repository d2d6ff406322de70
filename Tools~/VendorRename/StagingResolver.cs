using Mono.Cecil;

namespace VoiceNpc.Tools.VendorRename
{
    /// <summary>
    /// Finds referenced DLLs in the staging folders, also by their new names: writing a renamed DLL can resolve an
    /// attribute's enum type through a reference that already carries the new name.
    /// </summary>
    internal sealed class StagingResolver : DefaultAssemblyResolver
    {
        public override AssemblyDefinition Resolve(AssemblyNameReference name, ReaderParameters parameters)
        {
            if (!name.Name.StartsWith(VendorAssembly.Prefix, System.StringComparison.Ordinal)) return base.Resolve(name, parameters);
            var original = new AssemblyNameReference(name.Name.Substring(VendorAssembly.Prefix.Length), name.Version);
            return base.Resolve(original, parameters);
        }
    }
}
