using System;
using System.Diagnostics;
using System.Threading;
using VoiceNpc.Conversation;

namespace VoiceNpc.Cli
{
    /// <summary>For hosts without a frame loop (tools, benchmarks, tests): pump a conversation's events while waiting.</summary>
    public static class ConversationWaits
    {
        /// <summary>
        /// Pumps events on this thread (waking as they arrive, at least every 20 ms) until <paramref name="condition"/>
        /// holds; <see cref="TimeoutException"/> naming <paramref name="what"/> after <paramref name="limit"/>.
        /// </summary>
        public static void PumpUntil(VoiceConversation conversation, Func<bool> condition, string what, TimeSpan limit)
        {
            var waited = Stopwatch.StartNew();
            while (!condition())
            {
                if (waited.Elapsed > limit) throw new TimeoutException($"{what} did not happen within {limit.TotalSeconds:0} s");
                using var wake = new CancellationTokenSource(TimeSpan.FromMilliseconds(20));
                try { conversation.WaitForEventsAsync(wake.Token).GetAwaiter().GetResult(); }
                catch (OperationCanceledException) { }
                conversation.Pump();
            }
        }
    }
}
