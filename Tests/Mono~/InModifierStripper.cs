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
        int total = 0, assemblies = 0;
        foreach (var path in paths)
        {
            int changed;
            // Writing resolves the types of constants, so the resolver must see the assemblies beside this one.
            using (var resolver = new DefaultAssemblyResolver())
            {
                resolver.AddSearchDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path)));
                changed = Strip(path, resolver);
            }
            total += changed;
            if (changed > 0) assemblies++;
        }
        Console.WriteLine("mono-tests: {0} framework references in {1} assemblies rewritten for Debian's Mono", total, assemblies);
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
        var outcomes = new Dictionary<MethodReference, int>();
        var changed = 0;
        foreach (var body in module.GetTypes().SelectMany(type => type.Methods).Where(m => m.HasBody).Select(m => m.Body))
        {
            foreach (var instruction in body.Instructions.ToList())
            {
                var called = instruction.Operand as MethodReference;
                var method = called is GenericInstanceMethod generic ? generic.ElementMethod : called;
                if (method == null || method is MethodDefinition || !IsFramework(method.DeclaringType)) continue;
                if (!outcomes.TryGetValue(method, out var outcome))
                {
                    outcomes[method] = outcome = StripSignature(method);
                    if (outcome != Unchanged) changed++;
                }
                if (outcome >= 0) LoadArgumentValue(body, instruction, called, outcome);
            }
        }
        return changed;
    }

    // StripSignature's outcomes besides the index of a parameter made by-value.
    private const int Unchanged = -2, Stripped = -1;

    // The caller pushed the address of argument `index`: the arguments after it go to new locals, the value is loaded
    // from the address, and they come back.
    private static void LoadArgumentValue(MethodBody body, Instruction call, MethodReference called, int index)
    {
        var il = body.GetILProcessor();
        var declared = called is GenericInstanceMethod generic ? generic.ElementMethod : called;
        var later = declared.Parameters.Skip(index + 1).Select(p => new VariableDefinition(Inflate(p.ParameterType, called))).ToList();
        foreach (var local in later) body.Variables.Add(local);
        foreach (var local in Enumerable.Reverse(later)) il.InsertBefore(call, il.Create(OpCodes.Stloc, local));
        il.InsertBefore(call, il.Create(OpCodes.Ldobj, Inflate(declared.Parameters[index].ParameterType, called)));
        foreach (var local in later) il.InsertBefore(call, il.Create(OpCodes.Ldloc, local));
    }

    // The parameter's type with the call's generic arguments in place of the method's and its type's parameters.
    private static TypeReference Inflate(TypeReference type, MethodReference called)
    {
        if (type is GenericParameter parameter)
        {
            if (parameter.Type == GenericParameterType.Method && called is GenericInstanceMethod method)
                return method.GenericArguments[parameter.Position];
            if (parameter.Type == GenericParameterType.Type && called.DeclaringType is GenericInstanceType owner)
                return owner.GenericArguments[parameter.Position];
            return type;
        }
        if (type is GenericInstanceType instance)
        {
            var inflated = new GenericInstanceType(instance.ElementType);
            foreach (var argument in instance.GenericArguments) inflated.GenericArguments.Add(Inflate(argument, called));
            return inflated;
        }
        return type;
    }

    private static bool IsFramework(TypeReference type)
    {
        var scope = type.GetElementType().Scope;
        return scope is AssemblyNameReference name && Framework.Contains(name.Name);
    }

    // Some `in` parameters are plain by-value parameters in Debian's build (BuffersExtensions.ToArray and CopyTo): when
    // the stripped reference still names no method and one parameter alone is by reference, it becomes by-value.
    private static int StripSignature(MethodReference method)
    {
        var changed = false;
        method.ReturnType = Strip(method.ReturnType, ref changed);
        foreach (var parameter in method.Parameters) parameter.ParameterType = Strip(parameter.ParameterType, ref changed);
        if (method.Resolve() != null) return changed ? Stripped : Unchanged;
        var byRef = method.Parameters.Where(parameter => parameter.ParameterType is ByReferenceType).ToList();
        if (byRef.Count == 1)
        {
            byRef[0].ParameterType = ((ByReferenceType)byRef[0].ParameterType).ElementType;
            if (method.Resolve() != null) return byRef[0].Index;
            byRef[0].ParameterType = new ByReferenceType(byRef[0].ParameterType);
        }
        Console.WriteLine("mono-tests: no method in Mono's class libraries matches " + method.FullName);
        return changed ? Stripped : Unchanged;
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
