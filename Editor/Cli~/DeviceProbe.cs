using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using VoiceNpc.Audio;
using VoiceNpc.Audio.Native;
using VoiceNpc.Timing;

namespace VoiceNpc.Cli
{
    /// <summary>
    /// The player and a recording microphone in front of the NPC's speakers, for device tests and benchmarks: plays
    /// clips into a (virtual) microphone and records the speakers' monitor, noting when each block arrived on the
    /// shared clock.
    /// </summary>
    public sealed class DeviceProbe : IDisposable
    {
        private const int Block = AudioFormat.SampleRate / 100;   // 10 ms
        private readonly NativeAudioDevice _device;
        private readonly IClock _clock;
        private readonly ConcurrentQueue<short[]> _clips = new ConcurrentQueue<short[]>();
        private readonly List<short> _recording = new List<short>();
        private readonly List<(int End, TimeSpan At)> _arrivals = new List<(int, TimeSpan)>();
        private readonly CancellationTokenSource _stop = new CancellationTokenSource();
        private readonly Task _loop;

        /// <param name="speakersMonitor">The capture device that hears the NPC's speakers.</param>
        /// <param name="microphoneSink">The playback device that feeds the NPC's microphone.</param>
        public DeviceProbe(IClock clock, string speakersMonitor, string microphoneSink)
        {
            _clock = clock;
            _device = NativeAudioDevice.Open(new NativeAudioOptions
            {
                CaptureDevice = speakersMonitor,
                PlaybackDevice = microphoneSink,
                EchoCancellation = false,
                NoiseSuppression = false,
            });
            _loop = Task.Run(RunAsync);
        }

        /// <summary>Speaks a clip into the virtual microphone after anything still playing.</summary>
        public void Play(short[] clip) => _clips.Enqueue(clip);

        /// <summary>Samples recorded from the speakers so far.</summary>
        public int Recorded { get { lock (_recording) return _recording.Count; } }

        public short[] Recording() { lock (_recording) return _recording.ToArray(); }

        /// <summary>When the block holding a recorded sample arrived, on the shared clock.</summary>
        public TimeSpan ArrivalOf(int sample)
        {
            lock (_recording)
            {
                foreach (var (end, at) in _arrivals)
                    if (sample < end) return at - AudioFormat.DurationOf(end - sample);
                return _clock.Now;
            }
        }

        /// <summary>The first recorded sample that arrived at or after <paramref name="at"/> (on the shared clock).</summary>
        public int IndexAt(TimeSpan at)
        {
            lock (_recording)
            {
                int previousEnd = 0;
                foreach (var (end, arrived) in _arrivals)
                {
                    if (arrived >= at) return previousEnd;
                    previousEnd = end;
                }
                return _recording.Count;
            }
        }

        /// <summary>The first recorded sample at or after <paramref name="from"/> that starts <paramref name="quiet"/> of silence, or -1.</summary>
        public int SilenceStart(int from, TimeSpan quiet)
        {
            var samples = Recording();
            int need = (int)(quiet.TotalSeconds * AudioFormat.SampleRate) / Block, run = 0;
            for (int start = Math.Max(0, from) / Block * Block; start + Block <= samples.Length; start += Block)
            {
                run = IsVoiced(samples, start) ? 0 : run + 1;
                if (run >= need) return start - (need - 1) * Block;
            }
            return -1;
        }

        /// <summary>First and last voiced 10 ms blocks of the recording from <paramref name="from"/> on, as sample indexes.</summary>
        public (int First, int Last) VoicedSpan(int from, int to)
        {
            var samples = Recording();
            int first = -1, last = -1;
            for (int start = Math.Max(0, from) / Block * Block; start + Block <= Math.Min(to, samples.Length); start += Block)
            {
                if (!IsVoiced(samples, start)) continue;
                if (first < 0) first = start;
                last = start + Block;
            }
            return (first, last);
        }

        private static bool IsVoiced(short[] samples, int start)
        {
            double sum = 0;
            for (int i = start; i < start + Block; i++) sum += (double)samples[i] * samples[i];
            return Math.Sqrt(sum / Block) > 300;
        }

        private async Task RunAsync()
        {
            var buffer = new short[AudioFormat.SampleRate];
            short[]? clip = null;
            int offset = 0;
            while (!_stop.IsCancellationRequested)
            {
                if (clip == null && _clips.TryDequeue(out var next)) { clip = next; offset = 0; }
                if (clip != null)
                {
                    offset += _device.WritePlayback(new ReadOnlySpan<short>(clip, offset, clip.Length - offset));
                    if (offset >= clip.Length) clip = null;
                }
                int read = _device.ReadCapture(buffer);
                if (read > 0)
                {
                    var now = _clock.Now;
                    lock (_recording)
                    {
                        for (int i = 0; i < read; i++) _recording.Add(buffer[i]);
                        _arrivals.Add((_recording.Count, now));
                    }
                }
                try { await Task.Delay(5, _stop.Token).ConfigureAwait(false); }
                catch (OperationCanceledException) { }
            }
        }

        public void Dispose()
        {
            _stop.Cancel();
            _loop.GetAwaiter().GetResult();
            _device.Dispose();
            _stop.Dispose();
        }
    }
}
