using System;

namespace VoiceNpc.Providers.Cloud
{
    /// <summary>
    /// How hard a cloud provider is tried before the character's next provider takes over. Tuned for one player:
    /// a conversation cannot wait long, and a circuit must open after a few failures, not after Polly's default 100.
    /// </summary>
    public sealed record ResilienceSettings
    {
        /// <summary>Longest wait for a request to start answering (first token, first audio), retries included.</summary>
        public TimeSpan TotalTimeout { get; init; } = TimeSpan.FromSeconds(6);

        /// <summary>Longest wait for one attempt to start answering.</summary>
        public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(2.5);

        /// <summary>Retries of a request that can be retried (connection refused, 408, 429 rate limit, 5xx).</summary>
        public int MaxRetries { get; init; } = 2;

        /// <summary>First retry delay; it doubles, with jitter.</summary>
        public TimeSpan RetryDelay { get; init; } = TimeSpan.FromMilliseconds(150);

        /// <summary>Failures within <see cref="SamplingDuration"/> that open the circuit (with half the calls failing).</summary>
        public int CircuitMinimumThroughput { get; init; } = 3;

        public TimeSpan SamplingDuration { get; init; } = TimeSpan.FromSeconds(30);

        /// <summary>How long an open circuit sends every call straight to the fallback before probing again.</summary>
        public TimeSpan BreakDuration { get; init; } = TimeSpan.FromSeconds(15);

        public static ResilienceSettings Default { get; } = new ResilienceSettings();
    }
}
