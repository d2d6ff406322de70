using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using VoiceNpc.Providers;
using VoiceNpc.Timing;

namespace VoiceNpc.Conversation
{
    /// <summary>
    /// The limit one stage's provider has for each result a turn waits on (a transcript, the next words, the next
    /// audio). Past it the call is cancelled and counts as the provider's failure, so the chain's next provider takes
    /// over instead of the turn waiting on a slow or stalled service. One per provider call or stream.
    /// </summary>
    internal sealed class StageDeadline : IDisposable
    {
        private readonly IClock _clock;
        private readonly TimeSpan _limit;
        private readonly string _provider;
        private readonly string _setting;
        private readonly CancellationToken _turn;
        private readonly CancellationTokenSource _cancel;

        /// <param name="setting">The character setting that sets the limit, for the failure's message.</param>
        public StageDeadline(IClock clock, TimeSpan limit, string provider, string setting, CancellationToken turn)
        {
            _clock = clock;
            _limit = limit;
            _provider = provider;
            _setting = setting;
            _turn = turn;
            _cancel = CancellationTokenSource.CreateLinkedTokenSource(turn);
        }

        /// <summary>For the provider call: cancelled by the turn (barge-in) or when a deadline passes.</summary>
        public CancellationToken Token => _cancel.Token;

        /// <summary>
        /// Starts a provider call with <see cref="Token"/> and waits for it for at most the limit. Throws a
        /// <see cref="ProviderException"/> saying <paramref name="what"/> ("the final transcript") was too slow when the
        /// limit passes first. A call that completes at once costs no timer and, with a static lambda, no allocation.
        /// </summary>
        public ValueTask<T> RunAsync<TState, T>(TState state, Func<TState, CancellationToken, ValueTask<T>> start, string what)
        {
            // The watcher's unit of tracked work is taken before the call may give up the caller's (a simulated
            // provider's wait), so a virtual clock never sees the pipeline idle between the two.
            _clock.Work.Begin();
            ValueTask<T> call;
            try { call = start(state, _cancel.Token); }
            catch
            {
                _clock.Work.End();
                throw;
            }
            if (call.IsCompleted)
            {
                _clock.Work.End();
                return call;
            }
            return new ValueTask<T>(WaitAsync(call.AsTask(), what));
        }

        public Task<T> RunAsync<T>(Func<CancellationToken, Task<T>> start, string what) =>
            RunAsync(start, static (s, token) => new ValueTask<T>(s(token)), what).AsTask();

        /// <summary>Holds the watcher's unit (taken by <see cref="RunAsync{TState, T}"/>) and gives it back.</summary>
        private async Task<T> WaitAsync<T>(Task<T> call, string what)
        {
            using var stopWatching = new CancellationTokenSource();
            var watcher = WatchAsync(stopWatching.Token);
            await Task.WhenAny(call, watcher).ConfigureAwait(false);
            // A call that answered in time wins even when the deadline fell due in the same step of a virtual clock.
            if (call.IsCompleted)
            {
                stopWatching.Cancel();
                if (await watcher.ConfigureAwait(false)) _clock.Work.End();   // it fired all the same: its unit is ours
                return await call.ConfigureAwait(false);
            }
            _cancel.Cancel();
            await AbandonAsync(call).ConfigureAwait(false);
            // A turn cut off meanwhile (barge-in) is a cancellation, not the provider's failure.
            _turn.ThrowIfCancellationRequested();
            throw new ProviderException(_provider, $"{what} took longer than {_limit.TotalSeconds:0.###} s (the character's {_setting})");
        }

        /// <summary>
        /// While it waits, a virtual clock counts the watcher as idle (like a provider's simulated wait); when it fires,
        /// its unit passes to <see cref="WaitAsync{T}"/>, which gives it back once the cancelled call has unwound.
        /// </summary>
        private async Task<bool> WatchAsync(CancellationToken stop)
        {
            try { await _clock.Delay(_limit, stop).ConfigureAwait(false); }
            catch (OperationCanceledException)
            {
                _clock.Work.End();
                return false;
            }
            return true;
        }

        private async Task AbandonAsync(Task call)
        {
            if (_clock.Work.Enabled)
            {
                // Simulated providers honour cancellation; waiting for them keeps the virtual clock's count whole.
                try { await call.ConfigureAwait(false); }
                catch (Exception) { }
                _clock.Work.End();
                return;
            }
            // A real service may not answer its cancellation at once: the turn does not wait for it.
            if (!call.IsCompleted) AbandonedCall = call;
            _ = call.ContinueWith(t => t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
        }

        /// <summary>
        /// The call left running at its deadline (on the system clock): what it holds may not be touched until it ends,
        /// and is released then.
        /// </summary>
        public Task? AbandonedCall { get; private set; }

        /// <summary>
        /// Disposes a provider's stream after its last call, quietly (its failure is already being handled). A stream
        /// abandoned at its deadline is still running: it is disposed once that call has ended (through its cancelled token).
        /// </summary>
        public async Task ReleaseAsync<T>(IAsyncEnumerator<T> stream)
        {
            if (AbandonedCall is Task running)
            {
                _ = running.ContinueWith(_ => DisposeQuietlyAsync(stream), TaskScheduler.Default);
                return;
            }
            await DisposeQuietlyAsync(stream).ConfigureAwait(false);
        }

        private static async Task DisposeQuietlyAsync<T>(IAsyncEnumerator<T> stream)
        {
            try { await stream.DisposeAsync().ConfigureAwait(false); }
            catch (Exception) { }
        }

        public void Dispose() => _cancel.Dispose();
    }
}
