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

        public float Process(ReadOnlySpan<short> frame, TimeSpan now)
        {
            var vad = _chain.Current;
            try { return vad.Process(frame); }
            catch (Exception e)
            {
                if (!Failover.Report(_chain, vad, vad.Name, e, _events, now)) throw;
                return 0;
            }
        }

        public void Dispose() => _chain.Dispose();
    }
}
