using System;
using System.Collections.Immutable;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace VoiceNpc.Cli.Package
{
    /// <summary>Reads a DLL's assembly name from its metadata (the name Unity dedupes and resolves plugins by).</summary>
    public static class ManagedAssembly
    {
        /// <summary>The assembly name, or null for a native DLL; a file that is no PE image is a <see cref="FormatException"/>.</summary>
        public static string? NameOf(byte[] dll)
        {
            try
            {
                using var pe = new PEReader(ImmutableArray.Create(dll));
                if (!pe.HasMetadata) return null;
                var reader = pe.GetMetadataReader();
                if (!reader.IsAssembly) throw new FormatException("is a .NET module without an assembly manifest");
                return reader.GetString(reader.GetAssemblyDefinition().Name);
            }
            catch (BadImageFormatException e) { throw new FormatException($"is not a valid PE/.NET image ({e.Message})"); }
        }
    }
}
