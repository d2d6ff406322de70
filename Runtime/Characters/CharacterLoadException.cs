using System;
using System.Collections.Generic;
using System.Linq;

namespace VoiceNpc.Characters
{
    /// <summary>A character file could not be loaded; <see cref="Problems"/> lists every problem found, not just the first.</summary>
    public sealed class CharacterLoadException : Exception
    {
        public CharacterLoadException(string file, IReadOnlyList<CharacterProblem> problems)
            : base($"{file} is not a valid character ({problems.Count} problem{(problems.Count == 1 ? "" : "s")}):"
                   + Environment.NewLine + string.Join(Environment.NewLine, problems.Select(p => "  " + p)))
        {
            File = file;
            Problems = problems;
        }

        public string File { get; }
        public IReadOnlyList<CharacterProblem> Problems { get; }
    }
}
