using VoiceNpc.Audio;

namespace VoiceNpc.Unity
{
    /// <summary>
    /// Which output feeds a native capture's echo canceller: the listener's mix while a <see cref="VoiceNpcEchoReference"/>
    /// is enabled and free (everything the speakers emit), else the agent's own rendered voice. <see cref="Route"/> runs
    /// each frame (main thread), so a tap enabled or disabled mid-conversation takes over or hands back.
    /// </summary>
    internal sealed class EchoRouting
    {
        private readonly IEchoReference _reference;
        private readonly CallbackPlayback _playback;
        private VoiceNpcEchoReference? _tap;

        public EchoRouting(IEchoReference reference, CallbackPlayback playback)
        {
            _reference = reference;
            _playback = playback;
        }

        /// <summary>Whether the listener's mix is the reference now.</summary>
        public bool FromListener => _tap != null;

        public void Route()
        {
            var active = VoiceNpcEchoReference.Active;
            if (_tap != null && (_tap != active || !_tap.IsAttached))
            {
                _tap.Detach(_reference);
                _tap = null;
            }
            if (_tap == null && active != null && !active.IsAttached)
            {
                _playback.Reference = null;
                active.Attach(_reference);
                _tap = active;
            }
            if (_tap == null && _playback.Reference == null) _playback.Reference = _reference;
        }

        /// <summary>The conversation stops: the tap lets go of this canceller.</summary>
        public void Release()
        {
            if (_tap != null) _tap.Detach(_reference);
            _tap = null;
            _playback.Reference = null;
        }
    }
}
