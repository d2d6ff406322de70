using System;
using System.Threading;
using System.Threading.Tasks;

namespace VoiceNpc.Audio
{
    /// <summary>
    /// Brings a lost device back: polled once per frame by a host (game thread), it starts a reopen attempt on a worker
    /// while the device reports a fault, at most one at a time and one per <see cref="Interval"/>, since reopening probes
    /// the system's devices (slow, and never on the game thread). For the native capture's <c>TryReopen</c>.
    /// </summary>
    public sealed class DeviceReopener
    {
        private readonly Func<string?> _fault;
        private readonly Func<bool> _reopen;
        private readonly Func<TimeSpan> _now;
        private TimeSpan? _lastAttempt;
        private int _busy;
        private int _attempts, _recovered;

        /// <param name="fault">The device's fault now; null while healthy.</param>
        /// <param name="reopen">Reopens the device (runs on a worker); true when it works again.</param>
        /// <param name="now">A monotonic clock.</param>
        public DeviceReopener(Func<string?> fault, Func<bool> reopen, TimeSpan interval, Func<TimeSpan> now)
        {
            _fault = fault ?? throw new ArgumentNullException(nameof(fault));
            _reopen = reopen ?? throw new ArgumentNullException(nameof(reopen));
            _now = now ?? throw new ArgumentNullException(nameof(now));
            if (interval <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(interval), interval, "the interval must be positive");
            Interval = interval;
        }

        public TimeSpan Interval { get; }

        /// <summary>Attempts started so far.</summary>
        public int Attempts => Volatile.Read(ref _attempts);

        /// <summary>Attempts after which the device worked again.</summary>
        public int Recovered => Volatile.Read(ref _recovered);

        /// <summary>Whether an attempt is running now.</summary>
        public bool Busy => Volatile.Read(ref _busy) == 1;

        /// <summary>Raised on the worker with each attempt's outcome, or its exception's message as a failure.</summary>
        public event Action<bool, string?>? AttemptEnded;

        /// <summary>Game thread, each frame: starts an attempt when one is due.</summary>
        public void Poll()
        {
            if (_fault() == null || Busy) return;
            var now = _now();
            if (_lastAttempt is TimeSpan last && now - last < Interval) return;
            _lastAttempt = now;
            Volatile.Write(ref _busy, 1);
            Interlocked.Increment(ref _attempts);
            Task.Run(Attempt);
        }

        private void Attempt()
        {
            bool ok = false;
            string? error = null;
            try { ok = _reopen(); }
            catch (Exception e) { error = e.Message; }
            if (ok) Interlocked.Increment(ref _recovered);
            Volatile.Write(ref _busy, 0);
            AttemptEnded?.Invoke(ok, error);
        }
    }
}
