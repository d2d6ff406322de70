using System.Threading;

namespace VoiceNpc.Conversation
{
    /// <summary>
    /// The game's requests to a running conversation, posted from any thread and drained by the audio pump at its next
    /// frame. Posting pushes onto a lock-free list (compare-and-swap); the pump takes the whole list with one exchange
    /// and reverses it in place, so it neither locks nor allocates. The microphone mute is a flag the pump reads per frame.
    /// </summary>
    internal sealed class ConversationControls
    {
        private ControlRequest? _posted;   // newest first
        private volatile bool _microphoneMuted;

        public bool MicrophoneMuted
        {
            get => _microphoneMuted;
            set => _microphoneMuted = value;
        }

        /// <summary>True when nothing is waiting: the pump's per-frame check, a single read.</summary>
        public bool IsEmpty => Volatile.Read(ref _posted) == null;

        public void Post(ControlRequest request)
        {
            while (true)
            {
                var head = Volatile.Read(ref _posted);
                request.Next = head;
                if (Interlocked.CompareExchange(ref _posted, request, head) == head) return;
            }
        }

        /// <summary>Everything posted so far, oldest first (linked through <see cref="ControlRequest.Next"/>); null when none.</summary>
        public ControlRequest? TakeAll()
        {
            var newest = Interlocked.Exchange(ref _posted, null);
            ControlRequest? oldest = null;
            while (newest != null)
            {
                var next = newest.Next;
                newest.Next = oldest;
                oldest = newest;
                newest = next;
            }
            return oldest;
        }
    }
}
