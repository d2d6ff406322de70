using System;
using System.Threading;
using System.Threading.Tasks;
namespace VoiceNpc.Hosting
{
    /// <summary>
    /// Saves a player's memory (<c>PlayerMemory.Save</c>) off the game thread, one save after another (never two at once: each is chained to the
    /// one before). A failed save is reported and changes nothing in RAM: the next save writes what this one did not.
    /// </summary>
    internal sealed class MemorySaver
    {
        private readonly Action _save;
        private readonly Action<Exception> _failed;
        private readonly object _gate = new object();
        private Task _last = Task.CompletedTask;

        public MemorySaver(Action save, Action<Exception> failed)
        {
            _save = save;
            _failed = failed;
        }

        /// <summary>Queues a save after the ones already queued; returns at once.</summary>
        public void Request()
        {
            lock (_gate) _last = _last.ContinueWith(_ => Save(), CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
        }

        /// <summary>Completes when every save requested so far has finished (never faults).</summary>
        public Task Idle
        {
            get { lock (_gate) return _last; }
        }

        private void Save()
        {
            try { _save(); }
            catch (Exception e) { _failed(e); }   // a full disk or a locked file must not end the conversation
        }
    }
}
