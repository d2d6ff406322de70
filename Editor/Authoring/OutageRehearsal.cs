using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using VoiceNpc.Characters;
using VoiceNpc.Conversation;
using VoiceNpc.Timing;

namespace VoiceNpc.Authoring
{
    /// <summary>
    /// Rehearses a short conversation while chosen providers fail, in real time, with the character's own chains:
    /// the player's lines are spoken by <see cref="PlayerVoice"/> into the virtual microphone, the rehearsed faults are put into
    /// the named providers, and the report says turn by turn who answered and what the player heard (fillers too).
    /// </summary>
    public static class OutageRehearsal
    {
        /// <summary>Lines to rehearse with when none are given: the first example of each of the character's first intents.</summary>
        public static IReadOnlyList<string> DefaultLines(CharacterDefinition character) =>
            character.Intents.Where(i => i.Examples.Count > 0).Select(i => i.Examples[0]).Take(3).DefaultIfEmpty("hello").ToList();

        public static async Task<RehearsalReport> RunAsync(CharacterDefinition character, ProviderCatalog catalog, IReadOnlyList<string> playerLines,
            IReadOnlyList<RehearsalFault> faults, CancellationToken cancellationToken)
        {
            if (playerLines.Count == 0) throw new ArgumentException("give at least one player line", nameof(playerLines));
            var clips = new List<short[]>();
            foreach (var line in playerLines) clips.Add(await PlayerVoice.SpeakAsync(line, cancellationToken).ConfigureAwait(false));
            var errors = new List<string>();
            var conversation = new FileConversation(character, catalog.Intercepted(new FaultInjector(faults)), new SystemClock());
            conversation.EventSeen += e =>
            {
                if (e is ConversationError error) errors.Add($"{error.Stage}: {error.Message}");
            };
            var results = await conversation.RunAsync(clips, null, cancellationToken).ConfigureAwait(false);
            var turns = results.Select((r, i) => new RehearsedTurn(
                r.Metrics.Turn, i < playerLines.Count ? playerLines[i] : "", r.Metrics.PlayerText, r.Metrics.SttProvider, r.Metrics.LlmProvider, r.Metrics.TtsProvider,
                r.Metrics.NpcText, r.Metrics.FillerPlayed,
                r.Fallbacks.Select(f => $"{f.Stage}: {f.From} → {f.To} ({f.Reason})").ToList(),
                r.Metrics.VoiceToVoice?.TotalMilliseconds)).ToList();
            return new RehearsalReport(character.Id, faults, turns, errors);
        }
    }
}
