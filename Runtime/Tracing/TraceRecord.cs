using System;
using System.Collections.Generic;

namespace VoiceNpc.Tracing
{
    /// <summary>
    /// One event of a recorded conversation: its kind ("transcript", "line-ended", "turn", ...), when it happened on
    /// the conversation clock, its turn (0 for none) and its fields (strings, integers, floats, booleans or null;
    /// durations and stage times in ticks).
    /// </summary>
    public sealed class TraceRecord
    {
        public TraceRecord(string kind, TimeSpan at, int turn, IReadOnlyDictionary<string, object?> fields)
        {
            Kind = kind;
            At = at;
            Turn = turn;
            Fields = fields;
        }

        public string Kind { get; }
        public TimeSpan At { get; }
        public int Turn { get; }
        public IReadOnlyDictionary<string, object?> Fields { get; }

        public string Text(string field) => Fields.TryGetValue(field, out var v) && v is string s ? s : "";
        public bool Flag(string field) => Fields.TryGetValue(field, out var v) && v is bool b && b;

        /// <summary>A time field (ticks), or null when absent or null.</summary>
        public TimeSpan? Time(string field) => Fields.TryGetValue(field, out var v) && v is long ticks ? TimeSpan.FromTicks(ticks) : (TimeSpan?)null;
    }
}
