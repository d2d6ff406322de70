// Debian builds Mono's class libraries with mcs, which declares `ref readonly` returns and `in` parameters without
// modreq(System.Runtime.InteropServices.InAttribute); Roslyn-compiled callers name the modifier in their member
// references (ReadOnlySpan<T>.get_Item is the first one hit), so Debian's Mono finds no such method. Unity's Mono is
// compiled with Roslyn and matches. This tool rewrites the test run's copies of the assemblies (never the shipped
// ones) so their references into the framework carry no InAttribute modifier. Compiled by mcs in Tools~/mono-tests.sh.
//   mono InModifierStripper.exe A.dll [B.dll ...]
using System;
using System.Collections.Generic;
using System.Linq;
using Mono.Cecil;
using Mono.Cecil.Cil;

public static class InModifierStripper
{
    private const string InAttribute = "System.Runtime.InteropServices.InAttribute";

    private static readonly HashSet<string> Framework = new HashSet<string>
    {
        "mscorlib", "netstandard", "System", "System.Core", "System.Memory", "System.Runtime", "System.Numerics.Vectors",
    };

    public static int Main(string[] paths)
    {
        foreach (var path in paths)
        {
            int changed;
            // Writing resolves the types of constants, so the resolver must see the assemblies beside this one.
            using (var resolver = new DefaultAssemblyResolver())
            {
                resolver.AddSearchDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path)));
                changed = Strip(path, resolver);
            }
            if (changed > 0) Console.WriteLine("mono-tests: {0}: {1} framework references without modreq(InAttribute)", path, changed);
        }
        return 0;
    }

    private static int Strip(string path, IAssemblyResolver resolver)
    {
        using (var module = ModuleDefinition.ReadModule(path, new ReaderParameters { ReadWrite = true, AssemblyResolver = resolver }))
        {
            var changed = StripModule(module);
            if (changed > 0) module.Write();
            return changed;
        }
    }

    private static int StripModule(ModuleDefinition module)
    {
        var seen = new HashSet<MethodReference>();
        var changed = 0;
        var bodies = module.GetTypes().SelectMany(type => type.Methods).Where(method => method.HasBody);
        foreach (var instruction in bodies.SelectMany(method => method.Body.Instructions))
        {
            var method = instruction.Operand as MethodReference;
            if (method is GenericInstanceMethod generic) method = generic.ElementMethod;
            if (method == null || method is MethodDefinition || !IsFramework(method.DeclaringType) || !seen.Add(method)) continue;
            if (StripSignature(method)) changed++;
        }
        return changed;
    }

    private static bool IsFramework(TypeReference type)
    {
        var scope = type.GetElementType().Scope;
        return scope is AssemblyNameReference name && Framework.Contains(name.Name);
    }

    // Some `in` parameters are plain by-value parameters in Debian's build (BuffersExtensions.ToArray): when the
    // stripped reference still names no method, those parameters become by-value too.
    private static bool StripSignature(MethodReference method)
    {
        var changed = false;
        method.ReturnType = Strip(method.ReturnType, ref changed);
        var inParameters = new List<ParameterDefinition>();
        foreach (var parameter in method.Parameters)
        {
            var wasIn = false;
            parameter.ParameterType = Strip(parameter.ParameterType, ref wasIn);
            if (wasIn) inParameters.Add(parameter);
        }
        if (inParameters.Count == 0 || method.Resolve() != null) return changed || inParameters.Count > 0;
        foreach (var parameter in inParameters) parameter.ParameterType = ((ByReferenceType)parameter.ParameterType).ElementType;
        if (method.Resolve() == null) Console.WriteLine("mono-tests: no method in Mono's class libraries matches " + method.FullName);
        return true;
    }

    private static TypeReference Strip(TypeReference type, ref bool changed)
    {
        if (type is RequiredModifierType required && required.ModifierType.FullName == InAttribute)
        {
            changed = true;
            return Strip(required.ElementType, ref changed);
        }
        if (type is ByReferenceType byRef)
        {
            var element = Strip(byRef.ElementType, ref changed);
            return element == byRef.ElementType ? type : new ByReferenceType(element);
        }
        return type;
    }
}
