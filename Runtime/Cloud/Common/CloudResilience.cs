using System;
using System.ClientModel;
using System.IO;
using System.Net.Http;
using System.Net.WebSockets;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace VoiceNpc.Providers.Cloud
{
    /// <summary>
    /// The Polly pipeline every cloud provider runs its requests through: total timeout → circuit breaker → retry
    /// (exponential, jittered) → attempt timeout. Cancellation flows into the callback's token and so to the socket.
    /// </summary>
    public static class CloudResilience
    {
        public static ResiliencePipeline Create(ResilienceSettings settings) => Create(settings, CircuitBreaker(settings));

        /// <summary>
        /// The pipeline around a circuit breaker the caller keeps, to count failures that happen after it (see
        /// <see cref="CloudPipeline"/>).
        /// </summary>
        public static ResiliencePipeline Create(ResilienceSettings settings, ResiliencePipeline circuitBreaker) => new ResiliencePipelineBuilder()
            .AddTimeout(settings.TotalTimeout)
            .AddPipeline(circuitBreaker)
            .AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = Math.Max(1, settings.MaxRetries),
                Delay = settings.RetryDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                ShouldHandle = new PredicateBuilder().Handle<Exception>(IsTransient),
            })
            .AddTimeout(settings.AttemptTimeout)
            .Build();

        /// <summary>Opens after a few failed requests in a short time (half of them failing), for one player's conversation.</summary>
        public static ResiliencePipeline CircuitBreaker(ResilienceSettings settings) => new ResiliencePipelineBuilder()
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions
            {
                FailureRatio = 0.5,
                MinimumThroughput = settings.CircuitMinimumThroughput,
                SamplingDuration = settings.SamplingDuration,
                BreakDuration = settings.BreakDuration,
                ShouldHandle = new PredicateBuilder().Handle<Exception>(e => !(e is OperationCanceledException) || e is TimeoutRejectedException),
            })
            .Build();

        /// <summary>
        /// Worth trying again: no response or a dropped connection, timeouts, 408, a 429 rate limit (not an exhausted
        /// quota), 5xx. A wrong key, a bad request or a refused handshake is not: retrying cannot fix it.
        /// </summary>
        public static bool IsTransient(Exception e)
        {
            switch (e)
            {
                case TimeoutRejectedException _: return true;
                case ClientResultException c: return c.Status == 0 || c.Status == 408 || c.Status >= 500 || (c.Status == 429 && !c.Message.Contains("insufficient_quota"));
                case CloudStatusException s: return s.Transient;
                case HttpRequestException _: return true;
                case WebSocketException _: return true;
                case IOException _: return true;
                default: return false;
            }
        }
    }
}
