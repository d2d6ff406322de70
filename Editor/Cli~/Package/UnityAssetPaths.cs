using System;
using System.Linq;

namespace VoiceNpc.Cli.Package
{
    /// <summary>
    /// Which package paths Unity imports and so need a <c>.meta</c> (paths are relative to the package root, with '/').
    /// Unity skips hidden names, names ending in '~', "cvs" and "*.tmp". Samples~ is the exception we keep metas for:
    /// a sample is copied into Assets/ with its metas, so references inside it survive the copy (com.unity.webrtc does
    /// the same); Samples~ itself, Documentation~ and every other '~' folder are never imported.
    /// </summary>
    public static class UnityAssetPaths
    {
        public const string Samples = "Samples~";
        public const string Documentation = "Documentation~";

        public static bool IsMeta(string path) => path.EndsWith(".meta", StringComparison.Ordinal);

        /// <summary>The asset a <c>.meta</c> describes (the path without ".meta").</summary>
        public static string AssetOf(string metaPath) => metaPath.Substring(0, metaPath.Length - ".meta".Length);

        /// <summary>Whether Unity (or a sample import) gives this file or folder an asset, so it needs a <c>.meta</c>.</summary>
        public static bool NeedsMeta(string path)
        {
            if (path.Length == 0 || IsMeta(path)) return false;
            var segments = path.Split('/');
            int first = segments[0] == Samples && segments.Length > 1 ? 1 : 0;
            return segments.Skip(first).All(s => !IsSkippedName(s));
        }

        /// <summary>A name Unity's asset database never imports.</summary>
        public static bool IsSkippedName(string name) =>
            name.StartsWith(".", StringComparison.Ordinal) || name.EndsWith("~", StringComparison.Ordinal)
            || name.Equals("cvs", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".tmp", StringComparison.OrdinalIgnoreCase);

        /// <summary>The folders above a path, nearest last ("a/b/c.cs" → "a", "a/b").</summary>
        public static string[] Parents(string path)
        {
            var segments = path.Split('/');
            return Enumerable.Range(1, segments.Length - 1).Select(n => string.Join("/", segments.Take(n))).ToArray();
        }

        public static string Extension(string path)
        {
            int slash = path.LastIndexOf('/'), dot = path.LastIndexOf('.');
            return dot > slash ? path.Substring(dot).ToLowerInvariant() : "";
        }

        public static string FileName(string path) => path.Substring(path.LastIndexOf('/') + 1);
    }
}
