using System.Linq;
using VoiceNpc.Brain;
using VoiceNpc.Characters;
using VoiceNpc.Conversation;

namespace VoiceNpc.Memory
{
    /// <summary>
    /// A character's memory of one player across sessions: open it before the conversation (a damaged save never
    /// throws, see <see cref="Loaded"/>), pass <see cref="Conversation"/> to <see cref="VoiceConversation.StartAsync"/>,
    /// and call <see cref="Save"/> after turns (e.g. on each <see cref="TurnCompleted"/>) or when the game saves.
    /// </summary>
    public sealed class PlayerMemory
    {
        private readonly MemoryStore _store;
        private readonly MemorySettings _settings;
        private int _savedTurns, _savedFacts;

        private PlayerMemory(MemoryStore store, MemorySettings settings, MemoryLoadResult loaded)
        {
            _store = store;
            _settings = settings;
            Loaded = loaded;
            Saved = loaded.Memory;
            MemoryBudget.Apply(Saved, settings);
            Conversation = new ConversationMemory(
                Saved.Turns.Select(t => new DialogueTurn(t.PlayerText, t.NpcText, t.Interrupted)), Saved.Facts, Saved.Summary);
            _savedTurns = Conversation.Turns.Count;
            _savedFacts = Conversation.Facts.Count;
        }

        public static PlayerMemory Open(MemoryStore store, CharacterDefinition character, string playerId) =>
            new PlayerMemory(store, character.Memory, store.Load(character.Id, playerId));

        /// <summary>Where the memory came from, and what was wrong with the save if it was damaged.</summary>
        public MemoryLoadResult Loaded { get; }

        /// <summary>The memory as saved (turns within the budget, the rest summarized).</summary>
        public NpcMemory Saved { get; }

        /// <summary>The memory the conversation uses and adds to.</summary>
        public ConversationMemory Conversation { get; }

        /// <summary>Adds what the conversation learned since the last save, applies the budget and saves (crash-safe).</summary>
        public void Save()
        {
            var turns = Conversation.Turns;
            var facts = Conversation.Facts;
            var now = System.DateTimeOffset.UtcNow;
            for (; _savedTurns < turns.Count; _savedTurns++)
                Saved.Turns.Add(new RememberedTurn(turns[_savedTurns].PlayerText, turns[_savedTurns].NpcText, turns[_savedTurns].Interrupted, now));
            for (; _savedFacts < facts.Count; _savedFacts++) Saved.Facts.Add(facts[_savedFacts]);
            MemoryBudget.Apply(Saved, _settings);
            _store.Save(Saved);
        }
    }
}
