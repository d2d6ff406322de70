using System;

namespace VoiceNpc.Conversation
{
    internal enum PlaybackMarkKind { SegmentStart, Word, Phone, SegmentEnd }

    /// <summary>Something to announce when the speakers reach an output position: a word, a mouth shape, a line start.</summary>
    internal sealed record PlaybackMark(long Position, PlaybackMarkKind Kind, TurnContext Turn, bool IsFiller, string Text, TimeSpan Duration);
}
