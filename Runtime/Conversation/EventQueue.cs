using System.Collections.Concurrent;
using System.Threading;
using System.Threading.Tasks;

namespace VoiceNpc.Conversation
{
    /// <summary>Events posted from any thread, delivered to game code by <see cref="VoiceConversation.Pump"/> on its thread.</summary>
    internal sealed class EventQueue
    {
        private readonly ConcurrentQueue<ConversationEvent> _events = new ConcurrentQueue<ConversationEvent>();
        private readonly SemaphoreSlim _posted = new SemaphoreSlim(0);

        public void Post(ConversationEvent e)
        {
            _events.Enqueue(e);
            _posted.Release();
        }

        public bool TryTake(out ConversationEvent e) => _events.TryDequeue(out e!);

        /// <summary>Completes when an event has been posted since the last wait (for hosts without a frame loop).</summary>
        public async Task WaitAsync(CancellationToken cancellationToken)
        {
            await _posted.WaitAsync(cancellationToken).ConfigureAwait(false);
            while (_posted.CurrentCount > 0 && _posted.Wait(0)) { }
        }
    }
}
