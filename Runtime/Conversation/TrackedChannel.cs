using System;
using System.Threading.Channels;
using System.Threading.Tasks;
using VoiceNpc.Timing;

namespace VoiceNpc.Conversation
{
    /// <summary>
    /// A bounded channel between two stages that tells the clock's <see cref="WorkTracker"/> when its consumer has
    /// something to do: while it processes an item, or has been woken for one. An item queued behind a consumer
    /// that is waiting on a (virtual) timer does not count, so simulated latency never stalls a virtual clock.
    /// </summary>
    internal sealed class TrackedChannel<T>
    {
        private readonly Channel<T> _channel;
        private readonly WorkTracker _work;
        private readonly object _gate = new object();
        // A consumer not started yet (its Task.Run not scheduled, as under load) counts as one waiting to be woken: an item
        // written before it runs is tracked work, so a virtual clock cannot race the pump ahead of it.
        private bool _readerWaiting = true, _wakePending;

        public TrackedChannel(int capacity, WorkTracker work)
        {
            _channel = Channel.CreateBounded<T>(new BoundedChannelOptions(capacity) { SingleReader = true });
            _work = work;
        }

        /// <summary>Never blocks: false when the channel is full (the caller decides what dropping means).</summary>
        public bool TryWrite(T item)
        {
            lock (_gate)
            {
                if (!_channel.Writer.TryWrite(item)) return false;
                if (_readerWaiting && !_wakePending)
                {
                    _wakePending = true;
                    _work.Begin();
                }
                return true;
            }
        }

        /// <summary>Waits for room when full: back-pressure for stages that may wait.</summary>
        public async Task WriteAsync(T item)
        {
            while (!TryWrite(item))
            {
                if (!await _channel.Writer.WaitToWriteAsync().ConfigureAwait(false))
                    throw new ChannelClosedException();
            }
        }

        public void Complete() => _channel.Writer.TryComplete();

        /// <summary>Handles items one at a time, in order, until the channel is completed and empty.</summary>
        public async Task ConsumeAsync(Func<T, Task> handle, Action<Exception> failed)
        {
            bool holding = TakeWake();   // this consumer holds one unit of tracked work (a wake counted before it ran)
            while (true)
            {
                T item;
                bool got;
                lock (_gate)
                {
                    got = _channel.Reader.TryRead(out item!);
                    if (got && !holding) { _work.Begin(); holding = true; }
                    if (!got)
                    {
                        if (holding) { _work.End(); holding = false; }
                        _readerWaiting = true;
                    }
                }
                if (got)
                {
                    try { await handle(item).ConfigureAwait(false); }
                    catch (Exception e) { failed(e); }
                    continue;
                }
                bool more = await _channel.Reader.WaitToReadAsync().ConfigureAwait(false);
                holding = TakeWake();
                if (!more)
                {
                    if (holding) _work.End();
                    return;
                }
            }
        }

        /// <summary>The consumer runs again: whether a writer counted a unit of work for it meanwhile (now the consumer's).</summary>
        private bool TakeWake()
        {
            lock (_gate)
            {
                _readerWaiting = false;
                bool woken = _wakePending;
                _wakePending = false;
                return woken;
            }
        }
    }
}
