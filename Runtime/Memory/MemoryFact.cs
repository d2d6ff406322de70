using System;
using VoiceNpc.Storage;

namespace VoiceNpc.Memory
{
    /// <summary>
    /// Something the NPC should never forget about the player: their name, a promise, an item traded. Marked by the
    /// brain (or the game); <see cref="Kind"/> is free text such as "name", "promise", "item".
    /// </summary>
    public sealed class MemoryFact
    {
        public MemoryFact(string kind, string text, DateTimeOffset at, string source)
        {
            Kind = kind;
            Text = text;
            At = at;
            Source = source;
        }

        public string Kind { get; }
        public string Text { get; }
        public DateTimeOffset At { get; }

        /// <summary>Who marked it: the brain's provider name, or "game".</summary>
        public string Source { get; }

        public UnknownFields Unknown { get; } = new UnknownFields();
    }
}
