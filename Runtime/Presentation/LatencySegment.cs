using System;

namespace VoiceNpc.Presentation
{
    /// <summary>
    /// One stage of a turn's latency waterfall: it began <see cref="Start"/> after the end of the player's speech and
    /// took <see cref="Duration"/>; both null when the turn never reached the stage.
    /// </summary>
    public sealed record LatencySegment(string Name, string Provider, TimeSpan? Start, TimeSpan? Duration)
    {
        public bool Reached => Duration.HasValue;
    }
}
