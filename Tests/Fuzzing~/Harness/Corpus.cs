using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using VoiceNpc.Tests.Support;

namespace VoiceNpc.Tests.Fuzzing.Harness
{
    /// <summary>A committed seed: its file name in the parser's corpus folder, its bytes, and what it is for (the README line).</summary>
    public sealed record CorpusEntry(string Name, byte[] Bytes, string Meaning)
    {
        public static CorpusEntry Text(string name, string text, string meaning) => new CorpusEntry(name, Encoding.UTF8.GetBytes(text), meaning);
    }

    /// <summary>
    /// The committed corpus, Tests/Fuzzing~/Corpus/&lt;parser&gt;/: every file is written by the generator of its
    /// parser (<see cref="ICorpus"/>), so each one's meaning is known; <c>CorpusTests</c> keeps the folder equal to
    /// what the generators write (set VOICENPC_WRITE_CORPUS=1 to rewrite it, README included).
    /// </summary>
    internal static class Corpus
    {
        public static string Root => Path.Combine(RepoPaths.Root, "Tests", "Fuzzing~", "Corpus");

        public static string Folder(string parser) => Path.Combine(Root, parser);

        /// <summary>The committed seeds of one parser, in name order (the run's order never depends on the file system).</summary>
        public static List<byte[]> Load(string parser) =>
            Directory.GetFiles(Folder(parser)).OrderBy(f => f, StringComparer.Ordinal).Select(File.ReadAllBytes).ToList();
    }

    /// <summary>What a parser's fuzz fixture provides for the committed corpus.</summary>
    public interface ICorpus
    {
        string Parser { get; }
        string Description { get; }
        IEnumerable<CorpusEntry> Entries();
    }

    /// <summary>A corpus of its own (for a fixture that fuzzes more than one parser): the name and description given once.</summary>
    public abstract class NamedCorpus : ICorpus
    {
        protected NamedCorpus(string parser, string description)
        {
            Parser = parser;
            Description = description;
        }

        public string Parser { get; }
        public string Description { get; }
        public abstract IEnumerable<CorpusEntry> Entries();
    }
}
