using System;

namespace VoiceNpc.Conversation
{
    /// <summary>What every stage does when a provider fails: move its chain on, and tell the game.</summary>
    internal static class Failover
    {
        /// <summary>
        /// Moves <paramref name="chain"/> past <paramref name="failed"/>, posting <see cref="ProviderFellBack"/> when
        /// another provider takes over or <see cref="ConversationError"/> when none is left. Returns whether one is left.
        /// </summary>
        /// <param name="when">Where in its work the provider failed, put before the reason (e.g. "mid-reply: ").</param>
        public static bool Report<T>(StageChain<T> chain, T failed, string failedName, Exception failure, EventQueue events, TimeSpan now,
            string when = "")
            where T : class, IDisposable
        {
            string? next = chain.FallBack(failed);
            if (next == null)
            {
                events.Post(new ConversationError(now, chain.Stage, $"every {chain.Stage} provider failed; last: {when}{failure.Message}", failure));
                return false;
            }
            events.Post(new ProviderFellBack(now, chain.Stage, failedName, next, when + failure.Message));
            return true;
        }
    }
}
