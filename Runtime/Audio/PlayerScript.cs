using System;
using System.Collections.Generic;

namespace VoiceNpc.Audio
{
    /// <summary>
    /// What a simulated player says into a <see cref="VirtualAudioDevice"/>: clips spoken in turn. Each clip after the
    /// first starts once the NPC has answered and gone quiet for <see cref="ReplyGap"/>, or, with
    /// <see cref="BargeInAfter"/>, that long after the NPC starts speaking (cutting it off); if the NPC never answers,
    /// after <see cref="ReplyTimeout"/>, or sooner if it did not even hear the clip (<see cref="UnheardTimeout"/>).
    /// </summary>
    public sealed record PlayerScript(IReadOnlyList<short[]> Clips)
    {
        public TimeSpan LeadIn { get; init; } = TimeSpan.FromMilliseconds(500);
        public TimeSpan ReplyGap { get; init; } = TimeSpan.FromMilliseconds(700);
        public TimeSpan? BargeInAfter { get; init; }
        public TimeSpan ReplyTimeout { get; init; } = TimeSpan.FromSeconds(20);

        /// <summary>
        /// When the listener showed no sign of hearing a clip this long after it ended (see
        /// <see cref="VirtualAudioDevice.Hearing"/>), the player gives up on it and goes on: the clip was unheard.
        /// </summary>
        public TimeSpan UnheardTimeout { get; init; } = TimeSpan.FromSeconds(2);
    }
}
