using System;
using System.Diagnostics;
using System.Threading;
using VoiceNpc.Audio;

namespace VoiceNpc.Tests.Support
{
    /// <summary>
    /// A host audio thread as Unity's: calls <see cref="CallbackPlayback.Render"/> with fixed blocks (filled with
    /// <see cref="Fill"/> first, the flat-line clip), records every block, the played position after it and the bytes
    /// the Render calls allocated on this thread. Paced by a gate (<see cref="Ready"/>, re-checked when
    /// <see cref="Poke"/> is called) or in real time (<see cref="Period"/>).
    /// </summary>
    public sealed class AudioCallbackThread : IDisposable
    {
        private readonly CallbackPlayback _playback;
        private readonly Thread _thread;
        private readonly SemaphoreSlim _wake = new SemaphoreSlim(0);
        private readonly SemaphoreSlim _blockDone = new SemaphoreSlim(0);
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private volatile bool _stop;
        private int _completed;

        public AudioCallbackThread(CallbackPlayback playback, int frames, int channels, int sampleRate, int blocks)
        {
            _playback = playback;
            Frames = frames;
            Channels = channels;
            SampleRate = sampleRate;
            Blocks = blocks;
            Output = new float[(long)blocks * frames * channels];
            PlayedAfter = new long[blocks];
            ClearsAfter = new long[blocks];
            RenderedAtTicks = new long[blocks];
            _thread = new Thread(Run) { IsBackground = true, Name = "test audio callback" };
        }

        public int Frames { get; }
        public int Channels { get; }
        public int SampleRate { get; }
        public int Blocks { get; }
        public float Fill { get; set; } = 1f;
        public int WarmUpBlocks { get; set; } = 20;

        /// <summary>Asked before block k (on this thread); the block waits until it says yes.</summary>
        public Func<int, bool>? Ready { get; set; }

        /// <summary>Real-time pacing: block k is rendered no earlier than k periods after the start.</summary>
        public TimeSpan? Period { get; set; }

        /// <summary>Run on this thread after each block (a microphone recording on the same device clock).</summary>
        public Action<int>? AfterBlock { get; set; }

        /// <summary>Where <see cref="RenderedAtTicks"/> are read from; default a stopwatch started with this object.</summary>
        public Func<TimeSpan>? Now { get; set; }

        public float[] Output { get; }
        public long[] PlayedAfter { get; }
        public long[] ClearsAfter { get; }
        public long[] RenderedAtTicks { get; }
        public long AllocatedBytes { get; private set; }
        public long MeasuredCalls { get; private set; }
        public Exception? Failure { get; private set; }
        public int Completed => Volatile.Read(ref _completed);

        public void Start() => _thread.Start();

        /// <summary>Re-check <see cref="Ready"/> now (a producer wrote something).</summary>
        public void Poke() => _wake.Release();

        /// <summary>Waits for the next block to finish; false on timeout.</summary>
        public bool WaitForBlock(TimeSpan timeout) => _blockDone.Wait(timeout);

        /// <summary>Waits for every block; throws what the thread threw.</summary>
        public void Join(TimeSpan timeout)
        {
            if (!_thread.Join(timeout)) throw new TimeoutException($"the callback thread rendered {Completed} of {Blocks} blocks in {timeout}");
            if (Failure != null) throw new InvalidOperationException("the callback thread failed: " + Failure.Message, Failure);
        }

        public Span<float> Block(int k) => new Span<float>(Output, k * Frames * Channels, Frames * Channels);

        private void Run()
        {
            try
            {
                for (int k = 0; k < Blocks && !_stop; k++)
                {
                    Pace(k);
                    var block = Block(k);
                    block.Fill(Fill);
                    long before = GC.GetAllocatedBytesForCurrentThread();
                    _playback.Render(block, Channels, SampleRate);
                    long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
                    if (k >= WarmUpBlocks) { AllocatedBytes += allocated; MeasuredCalls++; }
                    PlayedAfter[k] = _playback.PlayedSamples;
                    ClearsAfter[k] = _playback.Stats.Clears;
                    RenderedAtTicks[k] = (Now?.Invoke() ?? _clock.Elapsed).Ticks;
                    AfterBlock?.Invoke(k);
                    Volatile.Write(ref _completed, k + 1);
                    _blockDone.Release();
                }
            }
            catch (Exception e)
            {
                Failure = e;
            }
        }

        private void Pace(int k)
        {
            if (Period is TimeSpan period)
            {
                var due = TimeSpan.FromTicks(period.Ticks * k);
                while (!_stop && _clock.Elapsed < due)
                {
                    var left = due - _clock.Elapsed;
                    if (left > TimeSpan.FromMilliseconds(1)) Thread.Sleep(left - TimeSpan.FromMilliseconds(1));
                    else Thread.Yield();
                }
            }
            if (Ready == null) return;
            var waiting = Stopwatch.StartNew();
            while (!_stop && !Ready(k))
            {
                _wake.Wait(TimeSpan.FromMilliseconds(50));
                if (waiting.Elapsed > TimeSpan.FromSeconds(30)) throw new TimeoutException($"block {k} was never ready");
            }
        }

        public void Dispose()
        {
            _stop = true;
            _wake.Release();
            _thread.Join(TimeSpan.FromSeconds(5));
        }
    }
}
