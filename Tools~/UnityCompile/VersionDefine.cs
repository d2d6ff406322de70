using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;

namespace VoiceNpc.Tools.UnityCompile
{
    /// <summary>
    /// One entry of an asmdef's versionDefines: <see cref="Define"/> is set when the package (or "Unity", the editor)
    /// named <see cref="Resource"/> is installed at a version the expression allows. Expressions as Unity's manual
    /// ("Define symbols based on package versions"): "1.2.3" is that version or later; "[a]" exactly a; "[a,b]", "(a,b)",
    /// "[a,b)" and "(a,b]" ranges with inclusive square and exclusive round brackets, either bound may be left out.
    /// </summary>
    internal sealed record VersionDefine(string Resource, string Expression, string Define)
    {
        public static IReadOnlyList<VersionDefine> Read(JsonElement root, string path, List<string> problems)
        {
            if (!root.TryGetProperty("versionDefines", out var entries)) return Array.Empty<VersionDefine>();
            var defines = new List<VersionDefine>();
            foreach (var entry in entries.EnumerateArray())
            {
                string? Field(string name) => entry.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
                var define = new VersionDefine(Field("name") ?? "", Field("expression") ?? "", Field("define") ?? "");
                if (define.Resource.Length == 0 || define.Define.Length == 0 || !define.TryMatch(new Version(0, 0), out _))
                    problems.Add($"{path}: versionDefines entry {{name \"{define.Resource}\", expression \"{define.Expression}\"}} is not valid");
                else defines.Add(define);
            }
            return defines;
        }

        /// <summary>Whether an installed version satisfies the expression (false when the expression is malformed).</summary>
        public bool Holds(Version installed) => TryMatch(installed, out bool holds) && holds;

        private bool TryMatch(Version installed, out bool holds)
        {
            holds = false;
            string e = Expression.Trim();
            if (e.Length == 0) return false;
            if (e[0] != '[' && e[0] != '(')
            {
                if (!TryParse(e, out var minimum)) return false;
                holds = installed >= minimum!;
                return true;
            }
            char close = e[e.Length - 1];
            if (close != ']' && close != ')') return false;
            string[] bounds = e.Substring(1, e.Length - 2).Split(',');
            if (bounds.Length == 1)
            {
                if (e[0] != '[' || close != ']' || !TryParse(bounds[0], out var exact)) return false;
                holds = installed == exact;
                return true;
            }
            if (bounds.Length != 2) return false;
            Version? low = null, high = null;
            if (bounds[0].Trim().Length > 0 && !TryParse(bounds[0], out low)) return false;
            if (bounds[1].Trim().Length > 0 && !TryParse(bounds[1], out high)) return false;
            bool above = low == null || (e[0] == '[' ? installed >= low : installed > low);
            bool below = high == null || (close == ']' ? installed <= high : installed < high);
            holds = above && below;
            return true;
        }

        /// <summary>"1", "1.2", "1.2.3" or "2022.3.0f1" (Unity's own version: the suffix after the third part is ignored).</summary>
        private static bool TryParse(string text, out Version? version)
        {
            string[] parts = text.Trim().Split('.');
            version = null;
            if (parts.Length == 0 || parts.Length > 3) return false;
            var numbers = new int[3];
            for (int i = 0; i < parts.Length; i++)
            {
                string digits = new string(parts[i].TakeWhile(char.IsDigit).ToArray());
                if (digits.Length == 0 || (digits.Length != parts[i].Length && i != 2) || !int.TryParse(digits, out numbers[i])) return false;
            }
            version = new Version(numbers[0], numbers[1], numbers[2]);
            return true;
        }
    }
}
