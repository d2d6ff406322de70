using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace VoiceNpc.Timing
{
    /// <summary>
    /// Test time: stands still until <see cref="AdvanceAsync"/> moves it, which first waits for the pipeline to go idle.
    /// A <see cref="Delay"/> (which must be called from tracked work) counts as idle while it waits, so simulated provider latency costs no real time.
    /// </summary>
    public sealed class VirtualClock : IClock
    {
        private readonly object _gate = new object();
        private readonly List<(TimeSpan Due, TaskCompletionSource<bool> Done)> _timers = new List<(TimeSpan, TaskCompletionSource<bool>)>();
        private long _nowTicks;

        public TimeSpan Now => TimeSpan.FromTicks(Interlocked.Read(ref _nowTicks));

        public WorkTracker Work { get; } = new WorkTracker(enabled: true);

        public Task Delay(TimeSpan delay, CancellationToken cancellationToken)
        {
            if (delay <= TimeSpan.Zero) return Task.CompletedTask;
            var done = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            lock (_gate) _timers.Add((Now + delay, done));
            Work.End();
            cancellationToken.Register(() =>
            {
                bool removed;
                lock (_gate) removed = _timers.RemoveAll(t => t.Done == done) > 0;
                if (!removed) return;
                Work.Begin();
                done.TrySetCanceled(cancellationToken);
            });
            return done.Task;
        }

        public Task WaitUntilAsync(TimeSpan time, CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var step = time - Now;
            return step > TimeSpan.Zero ? AdvanceAsync(step) : Work.WhenIdleAsync();
        }

        /// <summary>Waits until the pipeline is idle, moves time forward and fires the timers that fell due.</summary>
        public async Task AdvanceAsync(TimeSpan step)
        {
            await Work.WhenIdleAsync().ConfigureAwait(false);
            var due = new List<TaskCompletionSource<bool>>();
            lock (_gate)
            {
                Interlocked.Add(ref _nowTicks, step.Ticks);
                var now = Now;
                _timers.Sort((a, b) => a.Due.CompareTo(b.Due));
                while (_timers.Count > 0 && _timers[0].Due <= now)
                {
                    due.Add(_timers[0].Done);
                    _timers.RemoveAt(0);
                }
            }
            foreach (var timer in due)
            {
                Work.Begin();
                timer.TrySetResult(true);
            }
            await Work.WhenIdleAsync().ConfigureAwait(false);
        }
    }
}
