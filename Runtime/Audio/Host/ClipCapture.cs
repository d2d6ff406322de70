using System;
using System.Threading;
using VoiceNpc.Timing;

namespace VoiceNpc.Audio
{
    /// <summary>
    /// A microphone recording into a looping clip (Unity's <c>Microphone</c>), read on the game thread by
    /// <see cref="Poll"/>: the frames the clip's position has passed are read in whole blocks of a fixed size into one
    /// preallocated buffer (the clip fills whatever array it is given, so a fixed size is what keeps polling
    /// allocation-free), downmixed, resampled to 16 kHz and put in a lock-free ring the audio pump reads.
    /// The first poll starts at the current position, so nothing recorded before is heard.
    /// </summary>
    public sealed class ClipCapture : IAudioCapture
    {
        private readonly ILoopingClip _clip;
        private readonly IClock _clock;
        private readonly SampleRing _ring;
        private readonly int _frames, _channels, _blockFrames;
        private readonly double _frequency;
        private readonly float[] _block = Array.Empty<float>();
        private readonly float[] _mono = Array.Empty<float>();
        private readonly float[] _resampled = Array.Empty<float>();
        private readonly short[] _pcm = Array.Empty<short>();
        private readonly StreamingResampler? _resampler;
        private readonly TimeSpan _stalledFault;
        private readonly bool _dead;
        private bool _started, _disposed;
        private int _readFrame, _lastPosition;
        private TimeSpan _lastPollAt, _lastMoveAt;
        private string? _fault;
        private long _polls, _framesRead, _written, _overruns, _lost, _dropped, _stalledPolls;

        public ClipCapture(ILoopingClip clip, ClipCaptureOptions? options = null)
        {
            _clip = clip ?? throw new ArgumentNullException(nameof(clip));
            options ??= new ClipCaptureOptions();
            if (options.BlockMilliseconds < 1)
                throw new ArgumentOutOfRangeException(nameof(options), options.BlockMilliseconds, "BlockMilliseconds must be positive");
            if (options.StalledFaultMilliseconds < 1)
                throw new ArgumentOutOfRangeException(nameof(options), options.StalledFaultMilliseconds, "StalledFaultMilliseconds must be positive");
            _clock = options.Clock ?? new SystemClock();
            _ring = new SampleRing(options.RingSamples);
            _stalledFault = TimeSpan.FromMilliseconds(options.StalledFaultMilliseconds);
            int frequency = clip.Frequency, channels = clip.Channels, frames = clip.Frames;
            if (frequency <= 0 || channels <= 0 || frames <= 0)
            {
                _dead = true;
                _fault = $"the microphone did not start: its clip has frequency {frequency} Hz, {channels} channels, {frames} frames";
                return;
            }
            _frequency = frequency;
            _channels = channels;
            _frames = frames;
            _blockFrames = Math.Max(1, Math.Min((int)((long)frequency * options.BlockMilliseconds / 1000), frames / 4));
            _block = new float[_blockFrames * channels];
            _mono = new float[_blockFrames];
            _resampled = new float[(int)((long)_blockFrames * AudioFormat.SampleRate / frequency) + 2];
            _pcm = new short[_resampled.Length];
            _resampler = new StreamingResampler(frequency, AudioFormat.SampleRate);
        }

        /// <summary>Frames read from the clip at a time.</summary>
        public int BlockFrames => _blockFrames;

        public int AvailableCaptureSamples => _ring.Available;

        /// <summary>A microphone that did not start (a clip without frequency or channels), or one whose position stopped.</summary>
        public string? Fault => Volatile.Read(ref _fault);

        public ClipCaptureStats Stats => new ClipCaptureStats(Volatile.Read(ref _polls), Volatile.Read(ref _framesRead), Volatile.Read(ref _written),
            Volatile.Read(ref _overruns), Volatile.Read(ref _lost), Volatile.Read(ref _dropped), Volatile.Read(ref _stalledPolls));

        /// <summary>Pump thread: copies captured pipeline samples out; returns how many.</summary>
        public int ReadCapture(Span<short> destination) => _ring.Read(destination);

        /// <summary>Game thread, once per frame: reads what the microphone has recorded since the last poll.</summary>
        public void Poll()
        {
            if (_disposed) throw new ObjectDisposedException(nameof(ClipCapture));
            Volatile.Write(ref _polls, _polls + 1);
            if (_dead) return;
            int position = _clip.Position;
            var now = _clock.Now;
            if (position < 0 || position >= _frames)
            {
                Volatile.Write(ref _fault, $"the microphone clip's position {position} is outside its {_frames} frames");
                return;
            }
            if (!_started) Start(position, now);
            else Track(position, now);
            ReadBlocks(position);
        }

        public void Dispose() => _disposed = true;

        private void Start(int position, TimeSpan now)
        {
            _started = true;
            _readFrame = _lastPosition = position;
            _lastPollAt = _lastMoveAt = now;
        }

        /// <summary>Tells apart a position that moved, one that stood still and one that lapped the clip unseen.</summary>
        private void Track(int position, TimeSpan now)
        {
            int moved = Wrap(position - _lastPosition);
            double expected = (now - _lastPollAt).TotalSeconds * _frequency;
            if (expected - moved >= _frames / 2.0)
            {
                // The game thread stalled for (about) a lap or more: what is behind the position was written over.
                Volatile.Write(ref _overruns, _overruns + 1);
                Volatile.Write(ref _lost, _lost + Wrap(_lastPosition - _readFrame) + (long)Math.Round(expected));
                _readFrame = position;
                _resampler!.Reset();
                Moved(now);
            }
            else if (moved == 0)
            {
                Volatile.Write(ref _stalledPolls, _stalledPolls + 1);
                if (now - _lastMoveAt >= _stalledFault)
                {
                    Volatile.Write(ref _fault,
                        $"the microphone has delivered nothing for {(now - _lastMoveAt).TotalMilliseconds:0} ms " +
                        $"(its clip position stays at {position})");
                }
            }
            else
            {
                Moved(now);
            }
            _lastPosition = position;
            _lastPollAt = now;
        }

        private void Moved(TimeSpan now)
        {
            _lastMoveAt = now;
            if (Volatile.Read(ref _fault) != null) Volatile.Write(ref _fault, null);
        }

        private void ReadBlocks(int position)
        {
            int unread = Wrap(position - _readFrame);
            while (unread >= _blockFrames)
            {
                _clip.GetData(_block, _readFrame);
                Convert();
                _readFrame = (_readFrame + _blockFrames) % _frames;
                unread -= _blockFrames;
                Volatile.Write(ref _framesRead, _framesRead + _blockFrames);
            }
        }

        /// <summary>One block: downmix, resample to 16 kHz, into the ring.</summary>
        private void Convert()
        {
            float gain = 1f / _channels;
            for (int f = 0, i = 0; f < _blockFrames; f++)
            {
                float sum = 0f;
                for (int c = 0; c < _channels; c++) sum += _block[i++];
                _mono[f] = sum * gain;
            }
            int produced = _resampler!.Process(_mono, _resampled, out _);
            for (int i = 0; i < produced; i++)
            {
                float s = _resampled[i] * 32768f;
                _pcm[i] = s >= 32767f ? short.MaxValue : s <= -32768f ? short.MinValue : (short)Math.Round(s);
            }
            int written = _ring.Write(new ReadOnlySpan<short>(_pcm, 0, produced));
            Volatile.Write(ref _written, _written + written);
            if (written < produced) Volatile.Write(ref _dropped, _dropped + produced - written);
        }

        private int Wrap(int frames) => ((frames % _frames) + _frames) % _frames;
    }
}
