using System.Threading;
using System.Threading.Tasks;

namespace VoiceNpc.Timing
{
    /// <summary>
    /// Counts pipeline work in flight: a producer calls <see cref="Begin"/> before it hands an item to the next stage,
    /// the consumer calls <see cref="End"/> when it is done with it. A virtual clock advances only when the count is
    /// zero, which makes a whole conversation deterministic in tests. Disabled (free) on the system clock.
    /// </summary>
    public sealed class WorkTracker
    {
        private readonly object _gate = new object();
        private readonly bool _enabled;
        private int _busy;
        private TaskCompletionSource<bool>? _idle;

        public WorkTracker(bool enabled) => _enabled = enabled;

        public int Busy => Volatile.Read(ref _busy);

        /// <summary>Whether work is counted (a virtual clock); on the system clock nothing waits for the count.</summary>
        public bool Enabled => _enabled;

        public void Begin()
        {
            if (!_enabled) return;
            lock (_gate) _busy++;
        }

        public void End()
        {
            if (!_enabled) return;
            TaskCompletionSource<bool>? idle = null;
            lock (_gate)
            {
                if (--_busy == 0) { idle = _idle; _idle = null; }
            }
            idle?.TrySetResult(true);
        }

        /// <summary>Completes when no work is in flight.</summary>
        public Task WhenIdleAsync()
        {
            if (!_enabled) return Task.CompletedTask;
            lock (_gate)
            {
                if (_busy == 0) return Task.CompletedTask;
                _idle ??= new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
                return _idle.Task;
            }
        }
    }
}
