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

        /// <summary>A file with one problem: where (a JSON path, or a place in the bytes) and what was expected there.</summary>
        internal static CharacterLoadException At(string file, string where, string expected) =>
            new CharacterLoadException(file, new[] { new CharacterProblem(file, where, expected) });

        public string File { get; }
        public IReadOnlyList<CharacterProblem> Problems { get; }
    }
}
