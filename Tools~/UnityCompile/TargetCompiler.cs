using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace VoiceNpc.Tools.UnityCompile
{
    /// <summary>Compiles the package's asmdefs for one <see cref="CompileTarget"/>, each after the asmdefs it references.</summary>
    internal sealed class TargetCompiler
    {
        private readonly PackageLayout _layout;
        private readonly PrecompiledPlugins _plugins;
        private readonly CompileInputs _inputs;
        private readonly UnityStandIn _unity;
        private readonly CompileTarget _target;
        private readonly Dictionary<AsmDef, MetadataReference?> _compiled = new Dictionary<AsmDef, MetadataReference?>();
        private readonly List<string> _problems;

        private readonly string? _emitTo;

        /// <param name="emitTo">Where to write the assemblies (a folder per target), or null.</param>
        public TargetCompiler(PackageLayout layout, PrecompiledPlugins plugins, CompileInputs inputs, UnityStandIn unity, CompileTarget target,
            List<string> problems, string? emitTo)
        {
            (_layout, _plugins, _inputs, _unity, _target, _problems) = (layout, plugins, inputs, unity, target, problems);
            _emitTo = emitTo == null ? null : System.IO.Path.Combine(emitTo, target.Name);
        }

        /// <summary>The names of the assemblies compiled for the target.</summary>
        public IReadOnlyList<string> CompileAll()
        {
            foreach (var asmdef in _layout.AsmDefs) Compile(asmdef, new HashSet<AsmDef>());
            return _compiled.Where(p => p.Value != null).Select(p => p.Key.Name).ToList();
        }

        private bool Compiles(AsmDef asmdef, ICollection<string> defines) =>
            asmdef.Targets(_target.Platform) && (_target.Editor || !asmdef.IsEditorOnly) && DefineConstraints.Hold(asmdef.DefineConstraints, defines);

        private MetadataReference? Compile(AsmDef asmdef, HashSet<AsmDef> visiting)
        {
            if (_compiled.TryGetValue(asmdef, out var done)) return done;
            if (!visiting.Add(asmdef))
            {
                _problems.Add($"{asmdef.Path}: its references form a cycle");
                return null;
            }
            var rsp = ResponseFile.Read(asmdef.Folder, _problems);
            var defines = new HashSet<string>(_target.Defines.Concat(rsp.Defines).Concat(InstalledPackages.Defines(asmdef.VersionDefines)));
            MetadataReference? image = null;
            if (Compiles(asmdef, defines))
            {
                var references = References(asmdef, visiting);
                if (references != null)
                    image = SourceCompiler.Compile(asmdef.Name, _layout.Sources[asmdef], defines, references, asmdef.AllowUnsafeCode, rsp.Nullable,
                        _problems, _emitTo);
            }
            _compiled[asmdef] = image;
            return image;
        }

        private List<MetadataReference>? References(AsmDef asmdef, HashSet<AsmDef> visiting)
        {
            var references = new List<MetadataReference>(_inputs.NetStandard);
            bool complete = true;
            foreach (string name in asmdef.References)
            {
                if (_unity.Packages.TryGetValue(name, out var package))
                {
                    references.Add(package);
                    continue;
                }
                if (CompileInputs.UnityTestAssemblies.Contains(name)) continue;
                var referenced = _layout.Resolve(name);
                var image = referenced == null ? null : Compile(referenced, visiting);
                if (image != null) references.Add(image);
                else
                {
                    _problems.Add(referenced == null
                        ? $"{asmdef.Path}: references {name}, which is neither an asmdef of the package nor a Unity assembly"
                        : $"{asmdef.Path}: references {name}, which is not compiled for {_target.Name} or failed to compile");
                    complete = false;
                }
            }
            foreach (string dll in asmdef.OverrideReferences ? asmdef.PrecompiledReferences : _plugins.AutoReferenced)
            {
                if (dll == CompileInputs.NUnitFile) references.Add(_inputs.NUnit);
                else if ((asmdef.OverrideReferences ? _plugins.Find(dll) : dll) is string path)
                    references.Add(MetadataReference.CreateFromFile(path));
                else
                {
                    _problems.Add($"{asmdef.Path}: precompiledReferences names {dll}, which the package does not ship");
                    complete = false;
                }
            }
            if (!asmdef.NoEngineReferences)
            {
                references.Add(_unity.Engine);
                if (_target.Editor) references.Add(_unity.Editor);   // in the editor every assembly sees UnityEditor
            }
            return complete ? references : null;
        }
    }
}
