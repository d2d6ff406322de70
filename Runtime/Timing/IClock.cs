using System;
using System.Threading;
using System.Threading.Tasks;

namespace VoiceNpc.Timing
{
    /// <summary>
    /// The conversation's sense of time. <see cref="SystemClock"/> is wall time; <see cref="VirtualClock"/> lets tests
    /// run a whole conversation deterministically and faster than real time.
    /// </summary>
    public interface IClock
    {
        TimeSpan Now { get; }

        /// <summary>Completes after <paramref name="delay"/> of this clock's time.</summary>
        Task Delay(TimeSpan delay, CancellationToken cancellationToken);

        /// <summary>
        /// Completes when the clock reaches <paramref name="time"/>: the audio pump's heartbeat. Unlike
        /// <see cref="Delay"/>, it is called from outside tracked pipeline work.
        /// </summary>
        Task WaitUntilAsync(TimeSpan time, CancellationToken cancellationToken);

        /// <summary>Tracks in-flight pipeline work so a virtual clock only advances when the pipeline is idle.</summary>
        WorkTracker Work { get; }
    }
}
