using System;
using System.IO;
using System.Linq;
using Mono.Cecil;

namespace VoiceNpc.Tools.VendorRename
{
    /// <summary>
    /// Usage: VendorRename FROM TO. Every DLL under FROM (the restore's copies, checked by ManagedPlugins) is written
    /// to the same relative folder under TO as "VoiceNpc.Vendor.NAME.dll", its assembly and its references among them
    /// renamed the same way (see <see cref="VendorAssembly"/>).
    /// </summary>
    public static class Program
    {
        public static int Main(string[] args)
        {
            if (args.Length != 2)
            {
                Console.Error.WriteLine("usage: VendorRename FROM TO");
                return 2;
            }
            var dlls = Directory.GetFiles(args[0], "*.dll", SearchOption.AllDirectories).OrderBy(f => f, StringComparer.Ordinal).ToArray();
            var names = dlls.Select(Path.GetFileNameWithoutExtension).ToHashSet(StringComparer.Ordinal)!;
            using var resolver = new StagingResolver();
            foreach (string folder in dlls.Select(d => Path.GetDirectoryName(d)!).Distinct()) resolver.AddSearchDirectory(folder);
            foreach (string dll in dlls)
            {
                string folder = Path.Combine(args[1], Path.GetRelativePath(args[0], Path.GetDirectoryName(dll)!));
                Directory.CreateDirectory(folder);
                foreach (string stale in Directory.GetFiles(folder, "*.dll").Where(f => !names.Contains(VendorAssembly.Original(f))))
                    File.Delete(stale);
                VendorAssembly.Rename(dll, folder, names!, resolver);
            }
            Console.WriteLine($"vendor-rename: {dlls.Length} DLLs renamed to {VendorAssembly.Prefix}*");
            return 0;
        }
    }
}
