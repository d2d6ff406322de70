using System;
using System.Collections.Generic;
using System.Linq;

namespace VoiceNpc.Cli.Package
{
    /// <summary>
    /// Every plugin has PluginImporter settings that fit it: C/C++ sources are enabled nowhere (IL2CPP would compile
    /// them into every player); a Linux x86_64 library is enabled for exactly the Linux editor and the Linux 64-bit
    /// player on x86_64; no native library is enabled on "Any"; managed DLLs are explicitly referenced (an
    /// auto-referenced DLL joins every assembly of the game and clashes with the game's own copy).
    /// </summary>
    public sealed class PluginPlatformRule : IPackageRule
    {
        private static readonly string[] Sources = { ".c", ".h", ".cpp", ".cc", ".hpp" };
        private static readonly string[] Binaries = { ".so", ".dll", ".a", ".dylib", ".bundle" };

        public IEnumerable<PackageFinding> Check(PackageTree tree)
        {
            foreach (var path in tree.Files.Where(UnityAssetPaths.NeedsMeta))
            {
                string extension = UnityAssetPaths.Extension(path);
                if (!Sources.Contains(extension) && !Binaries.Contains(extension)) continue;
                var meta = UnityMeta.Of(tree, path);
                if (meta == null || meta.Importer != "PluginImporter") continue; // MetaAudit reports a missing meta or importer
                var enabled = meta.Platforms.Where(p => p.Enabled).ToList();
                var problems = Sources.Contains(extension) ? SourceProblems(enabled) : BinaryProblems(path, tree.Bytes(path), extension, meta, enabled);
                foreach (var problem in problems) yield return new PackageFinding(path + ".meta", problem);
            }
        }

        private static IEnumerable<string> SourceProblems(List<PluginPlatform> enabled) =>
            enabled.Select(p => $"enables this source on {p.Name}; C sources must be excluded from every platform, or IL2CPP compiles them");

        private static IEnumerable<string> BinaryProblems(string path, byte[] file, string extension, UnityMeta meta, List<PluginPlatform> enabled)
        {
            if (extension == ".dll")
            {
                string? managed;
                try { managed = ManagedAssembly.NameOf(file); }
                catch (FormatException e) { return new[] { $"its DLL {e.Message}" }; }
                if (managed != null) return ManagedProblems(path, meta);
            }
            if (enabled.Any(IsAny)) return new[] { "enables a native library on Any Platform: it would be loaded where it was not built for" };
            if (extension != ".so") return Array.Empty<string>();
            var machine = ElfHeader.Machine64(file);
            if (machine == null) return new[] { "its .so is not a 64-bit little-endian ELF library" };
            if (machine != ElfHeader.X86_64)
                return new[] { $"its .so is built for ELF machine {machine}; the package has settings for Linux x86_64 only" };
            return Linux64Problems(enabled);
        }

        private static IEnumerable<string> ManagedProblems(string path, UnityMeta meta)
        {
            if (meta.Setting("isExplicitlyReferenced") != "1")
                yield return "a managed DLL must be explicitly referenced (isExplicitlyReferenced: 1), or it joins every assembly of the game";
            var enabled = meta.Platforms.Where(p => p.Enabled).ToList();
            if (enabled.Count == 0)
                yield return "a managed DLL the package's assemblies reference is enabled on no platform";
            else if (MetaKinds.For(path, isFolder: false) == MetaKind.EditorManagedPlugin)
            {
                foreach (var p in enabled.Where(p => p.Name != "Editor: Editor"))
                    yield return $"enables an editor-only DLL (Editor/Plugins/Managed) on {p.Name}: only editor assemblies reference it";
            }
            else if (!enabled.Any(IsAny))
                yield return "a runtime DLL must be enabled on Any Platform: the runtime assemblies that reference it build for every platform";
        }

        private static IEnumerable<string> Linux64Problems(List<PluginPlatform> enabled)
        {
            foreach (var p in enabled.Where(p => !IsLinuxEditor(p) && !IsLinuxPlayer(p)))
                yield return $"enables a Linux x86_64 library on {p.Name} {Settings(p)}, which it does not serve";
            if (!enabled.Any(IsLinuxEditor))
                yield return "does not enable the Linux x86_64 library for the Linux editor (Editor, OS Linux, CPU x86_64)";
            if (!enabled.Any(IsLinuxPlayer))
                yield return "does not enable the Linux x86_64 library for Linux players (Standalone Linux64, CPU x86_64)";
        }

        private static bool IsAny(PluginPlatform p) => p.Name == "Any";

        private static bool IsLinuxEditor(PluginPlatform p) => p.Name == "Editor: Editor" && Is(p, "OS", "Linux") && Is(p, "CPU", "x86_64");

        private static bool IsLinuxPlayer(PluginPlatform p) => p.Name == "Standalone: Linux64" && Is(p, "CPU", "x86_64");

        private static bool Is(PluginPlatform p, string setting, string value) => p.Settings.TryGetValue(setting, out var v) && v == value;

        private static string Settings(PluginPlatform p) => "(" + string.Join(", ", p.Settings.Select(s => $"{s.Key} {s.Value}")) + ")";
    }
}
