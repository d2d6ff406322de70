using System;
using VoiceNpc.Vad;

namespace VoiceNpc.Conversation
{
    /// <summary>The VAD stage: the first detector of the character's chain, replaced by the next one if it throws.</summary>
    internal sealed class VadChain : IDisposable
    {
        private readonly StageChain<IVoiceActivityDetector> _chain;
        private readonly EventQueue _events;

        public VadChain(StageChain<IVoiceActivityDetector> chain, EventQueue events)
        {
            _chain = chain;
            _events = events;
        }

        public string CurrentName => _chain.CurrentName;

        public float Process(ReadOnlySpan<short> frame, TimeSpan now)
        {
            var vad = _chain.Current;
            try { return vad.Process(frame); }
            catch (Exception e)
            {
                string? next = _chain.FallBack(vad);
                if (next == null)
                {
                    _events.Post(new ConversationError(now, "vad", $"every voice activity detector failed; last: {e.Message}", e));
                    throw;
                }
                _events.Post(new ProviderFellBack(now, "vad", vad.Name, next, e.Message));
                return 0;
            }
        }

        public void Dispose() => _chain.Dispose();
    }
}
