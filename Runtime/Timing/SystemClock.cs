using System;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;

namespace VoiceNpc.Timing
{
    /// <summary>Wall-clock time from a monotonic stopwatch, starting at zero when the clock is made.</summary>
    public sealed class SystemClock : IClock
    {
        private readonly Stopwatch _stopwatch = Stopwatch.StartNew();

        public TimeSpan Now => _stopwatch.Elapsed;

        public WorkTracker Work { get; } = new WorkTracker(enabled: false);

        public Task WaitUntilAsync(TimeSpan time, CancellationToken cancellationToken) => Delay(time - Now, cancellationToken);

        public Task Delay(TimeSpan delay, CancellationToken cancellationToken) =>
            delay <= TimeSpan.Zero ? Task.CompletedTask : Task.Delay(delay, cancellationToken);
    }
}
