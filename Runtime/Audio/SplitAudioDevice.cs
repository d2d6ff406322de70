using System;

namespace VoiceNpc.Audio
{
    /// <summary>
    /// One device made of a microphone and speakers that come from different places: in Unity, the native core's
    /// echo-cancelling capture (or Unity's <c>Microphone</c>) with the NPC played through an <c>AudioSource</c>.
    /// Disposing it disposes both halves.
    /// </summary>
    public sealed class SplitAudioDevice : IRealTimeAudioDevice
    {
        private readonly IAudioCapture _capture;
        private readonly IAudioPlayback _playback;

        public SplitAudioDevice(IAudioCapture capture, IAudioPlayback playback)
        {
            _capture = capture ?? throw new ArgumentNullException(nameof(capture));
            _playback = playback ?? throw new ArgumentNullException(nameof(playback));
        }

        public int AvailableCaptureSamples => _capture.AvailableCaptureSamples;
        public int PlaybackLeadSamples => _playback.PlaybackLeadSamples;
        public long PlayedSamples => _playback.PlayedSamples;
        public int QueuedPlaybackSamples => _playback.QueuedPlaybackSamples;
        public string? Fault => _capture.Fault ?? _playback.Fault;

        public int ReadCapture(Span<short> destination) => _capture.ReadCapture(destination);
        public int WritePlayback(ReadOnlySpan<short> samples) => _playback.WritePlayback(samples);
        public void ClearPlayback() => _playback.ClearPlayback();

        public void Dispose()
        {
            try { _capture.Dispose(); }
            finally { _playback.Dispose(); }
        }
    }
}
