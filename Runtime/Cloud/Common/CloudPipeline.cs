using System;
using System.IO;
using Polly;

namespace VoiceNpc.Providers.Cloud
{
    /// <summary>
    /// One provider instance's resilience pipeline (<see cref="CloudResilience"/>) with its circuit breaker kept apart,
    /// so a failure after the pipeline's part of a request (a stream that breaks mid-reply) still counts toward
    /// opening the circuit, like a request that failed outright.
    /// </summary>
    public sealed class CloudPipeline
    {
        private readonly ResiliencePipeline _breaker;

        public CloudPipeline(ResilienceSettings settings)
        {
            _breaker = CloudResilience.CircuitBreaker(settings);
            Pipeline = CloudResilience.Create(settings, _breaker);
        }

        public ResiliencePipeline Pipeline { get; }

        /// <summary>Counts a failure of a request that had already started answering.</summary>
        public void CountFailure()
        {
            try { _breaker.Execute(() => throw new IOException("the stream failed after it had started")); }
            catch (Exception) { }   // the failure itself (or an open circuit) is the caller's to report
        }
    }
}
