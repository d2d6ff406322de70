using System.Collections.Generic;
using VoiceNpc.Brain;

namespace VoiceNpc.Conversation
{
    /// <summary>
    /// The turns the NPC remembers. Written by the audio pump, read by the brain worker: readers get an immutable
    /// snapshot, so no lock is held across threads.
    /// </summary>
    public sealed class ConversationMemory
    {
        private volatile DialogueTurn[] _turns = new DialogueTurn[0];

        public ConversationMemory(IEnumerable<DialogueTurn>? initial = null)
        {
            if (initial != null) _turns = new List<DialogueTurn>(initial).ToArray();
        }

        public IReadOnlyList<DialogueTurn> Turns => _turns;

        internal void Add(DialogueTurn turn)
        {
            var turns = new DialogueTurn[_turns.Length + 1];
            _turns.CopyTo(turns, 0);
            turns[turns.Length - 1] = turn;
            _turns = turns;
        }
    }
}
