using System;
using System.Collections.Generic;
using System.Linq;

namespace VoiceNpc.Authoring
{
    /// <summary>A save that was refused, and why: invalid content (with its issues), or a file changed on disk (<see cref="Stale"/>).</summary>
    public sealed class CharacterSaveException : Exception
    {
        public CharacterSaveException(string path, string reason, IReadOnlyList<ValidationIssue> issues, bool stale = false)
            : base($"{path}: not saved: {reason}{string.Concat(issues.Where(i => i.Severity == IssueSeverity.Error).Select(i => "\n  " + i))}")
        {
            Path = path;
            Issues = issues;
            Stale = stale;
        }

        public string Path { get; }
        public IReadOnlyList<ValidationIssue> Issues { get; }
        public bool Stale { get; }
    }
}
