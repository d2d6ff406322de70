using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using VoiceNpc.Brain;
using VoiceNpc.Timing;

namespace VoiceNpc.Testing
{
    /// <summary>Wraps a brain with a first-token latency on the conversation clock, and can be told to fail or stall, at once or mid-reply.</summary>
    public sealed class DelayedBrain : ICharacterBrain
    {
        private readonly ICharacterBrain _inner;
        private readonly IClock _clock;

        public DelayedBrain(ICharacterBrain inner, IClock clock, string? name = null)
        {
            _inner = inner;
            _clock = clock;
            Name = name ?? inner.Name;
        }

        public string Name { get; }
        public TimeSpan FirstTokenLatency { get; set; }
        public bool Fail { get; set; }

        /// <summary>Fail after streaming this many pieces (a connection that drops mid-reply); null: never.</summary>
        public int? FailAfterPieces { get; set; }

        /// <summary>Go silent after streaming this many pieces (a stream that stalls mid-reply); null: never.</summary>
        public int? StallAfterPieces { get; set; }
        public List<BrainRequest> Requests { get; } = new List<BrainRequest>();

        public async IAsyncEnumerable<string> StreamReplyAsync(BrainRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            lock (Requests) Requests.Add(request);
            await _clock.Delay(FirstTokenLatency, cancellationToken).ConfigureAwait(false);
            if (Fail) throw new Providers.ProviderException(Name, "scripted failure");
            int pieces = 0;
            await foreach (var piece in _inner.StreamReplyAsync(request, cancellationToken).ConfigureAwait(false))
            {
                if (pieces == FailAfterPieces) throw new Providers.ProviderException(Name, "scripted failure mid-reply");
                if (pieces == StallAfterPieces) await _clock.Delay(TimeSpan.FromHours(1), cancellationToken).ConfigureAwait(false);
                pieces++;
                yield return piece;
            }
        }

        public void Dispose() => _inner.Dispose();
    }
}
