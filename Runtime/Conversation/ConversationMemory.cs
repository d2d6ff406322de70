using System;
using System.Collections.Generic;
using VoiceNpc.Brain;
using VoiceNpc.Memory;

namespace VoiceNpc.Conversation
{
    /// <summary>
    /// What the NPC remembers during a conversation: the turns, facts the brain (or the game) marked, and the summary
    /// of older sessions. The pump adds turns, brains add facts from worker threads; readers get immutable snapshots.
    /// Saved between sessions through <see cref="PlayerMemory"/>.
    /// </summary>
    public sealed class ConversationMemory
    {
        private readonly object _factLock = new object();
        private volatile DialogueTurn[] _turns = new DialogueTurn[0];
        private volatile MemoryFact[] _facts = new MemoryFact[0];

        public ConversationMemory(IEnumerable<DialogueTurn>? initial = null, IEnumerable<MemoryFact>? facts = null, string summary = "")
        {
            if (initial != null) _turns = new List<DialogueTurn>(initial).ToArray();
            if (facts != null) _facts = new List<MemoryFact>(facts).ToArray();
            Summary = summary;
        }

        public IReadOnlyList<DialogueTurn> Turns => _turns;
        public IReadOnlyList<MemoryFact> Facts => _facts;

        /// <summary>The gist of what happened before the remembered turns.</summary>
        public string Summary { get; }

        /// <summary>Marks something to remember for good (thread-safe): the player's name, a promise, an item traded.</summary>
        public void RememberFact(string kind, string text, string source)
        {
            var fact = new MemoryFact(kind, text, DateTimeOffset.UtcNow, source);
            lock (_factLock)
            {
                var facts = new MemoryFact[_facts.Length + 1];
                _facts.CopyTo(facts, 0);
                facts[facts.Length - 1] = fact;
                _facts = facts;
            }
        }

        internal void Add(DialogueTurn turn)
        {
            var turns = new DialogueTurn[_turns.Length + 1];
            _turns.CopyTo(turns, 0);
            turns[turns.Length - 1] = turn;
            _turns = turns;
        }
    }
}
