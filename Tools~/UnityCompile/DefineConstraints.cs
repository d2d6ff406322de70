using System.Collections.Generic;
using System.Linq;

namespace VoiceNpc.Tools.UnityCompile
{
    /// <summary>
    /// An asmdef's defineConstraints as Unity reads them: every entry must hold; an entry is symbols joined by "||",
    /// one of which must hold; "!SYMBOL" holds when SYMBOL is not defined.
    /// </summary>
    internal static class DefineConstraints
    {
        public static bool Hold(IEnumerable<string> constraints, ICollection<string> defines) =>
            constraints.All(entry => entry.Split("||").Select(term => term.Trim()).Any(term =>
                term.StartsWith('!') ? !defines.Contains(term.Substring(1)) : defines.Contains(term)));
    }
}
