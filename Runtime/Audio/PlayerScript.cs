using System;
using System.Collections.Generic;

namespace VoiceNpc.Audio
{
    /// <summary>
    /// What a simulated player says into a <see cref="VirtualAudioDevice"/>: clips spoken in turn. Each clip after the
    /// first starts once the NPC has answered and gone quiet for <see cref="ReplyGap"/>, or, with
    /// <see cref="BargeInAfter"/>, that long after the NPC starts speaking (cutting it off); if the NPC never answers,
    /// after <see cref="ReplyTimeout"/>.
    /// </summary>
    public sealed record PlayerScript(IReadOnlyList<short[]> Clips)
    {
        public TimeSpan LeadIn { get; init; } = TimeSpan.FromMilliseconds(500);
        public TimeSpan ReplyGap { get; init; } = TimeSpan.FromMilliseconds(700);
        public TimeSpan? BargeInAfter { get; init; }
        public TimeSpan ReplyTimeout { get; init; } = TimeSpan.FromSeconds(20);
    }
}
