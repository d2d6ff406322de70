using System;
using System.Collections.Generic;
using System.IO;
using Microsoft.CodeAnalysis;

namespace VoiceNpc.Tools.UnityCompile
{
    /// <summary>
    /// The csc.rsp beside an asmdef, which Unity passes to the compiler for that assembly only
    /// (UnityCsReference 2022.3: Editor/Mono/Scripting/ScriptCompilation/ScriptAssembly.cs GetResponseFiles, from the
    /// asmdef's folder). The check understands -nullable and -define; any other option is a problem.
    /// </summary>
    internal sealed record ResponseFile(NullableContextOptions Nullable, IReadOnlyList<string> Defines)
    {
        public const string FileName = "csc.rsp";

        public static ResponseFile Read(string asmdefFolder, List<string> problems)
        {
            string path = Path.Combine(asmdefFolder, FileName);
            var nullable = NullableContextOptions.Disable;   // Unity's default
            var defines = new List<string>();
            if (!File.Exists(path)) return new ResponseFile(nullable, defines);
            foreach (string option in File.ReadAllText(path).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
            {
                if (option.StartsWith("-nullable:", StringComparison.Ordinal) &&
                    Enum.TryParse(option.Substring("-nullable:".Length), true, out NullableContextOptions value)) nullable = value;
                else if (option.StartsWith("-define:", StringComparison.Ordinal))
                    defines.AddRange(option.Substring("-define:".Length).Split(';', StringSplitOptions.RemoveEmptyEntries));
                else problems.Add($"{path}: option \"{option}\" is not one the check models");
            }
            return new ResponseFile(nullable, defines);
        }
    }
}
