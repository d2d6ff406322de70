using System.Collections.Generic;

namespace VoiceNpc.Authoring
{
    /// <summary>What an outage rehearsal found: per turn, who answered each stage and what the player heard.</summary>
    public sealed record RehearsalReport(string Character, IReadOnlyList<RehearsalFault> Faults, IReadOnlyList<RehearsedTurn> Turns, IReadOnlyList<string> Errors);

    /// <summary>
    /// One turn: the line the player said, what the recogniser heard, the provider that answered each stage, the
    /// NPC's words, whether a filler covered the wait, the switches made (stage: from → to, why) and the time from
    /// the end of the player's speech to the NPC's first sound.
    /// </summary>
    public sealed record RehearsedTurn(int Turn, string PlayerLine, string Heard, string SttProvider, string LlmProvider, string TtsProvider,
        string NpcText, bool FillerPlayed, IReadOnlyList<string> Fallbacks, double? VoiceToVoiceMs);
}
