using System;
using System.Diagnostics;
using System.IO;
using System.Runtime.InteropServices;
using System.Threading;
using VoiceNpc.Audio;

namespace VoiceNpc.Tests.EndToEnd.Devices
{
    /// <summary>
    /// The NPC played by another path than the native core, as a game engine's mixer plays it: a thread of its own
    /// (the "host's audio thread") renders 20 ms blocks of 48 kHz stereo float in real time from what the pump wrote (three
    /// blocks ahead of the speakers, as a mixer queues its buffers),
    /// sends each block to PulseAudio's virtual speakers through <c>pacat --raw</c> and hands the same block to the
    /// echo reference. <see cref="PlayedSamples"/> is where that thread has reached, as an audio callback's count is.
    /// </summary>
    public sealed class PacatPlayback : IAudioPlayback
    {
        public const int OutputRate = 48000;
        private const int Channels = 2, Frames = OutputRate / 50, Step = OutputRate / AudioFormat.SampleRate;
        private const int PipelinePerBlock = Frames / Step, Lead = 3;

        // A centred mono voice on two speakers, at the level OpenAL Soft gives the core's own playback (-3 dB each),
        // so the speakers leak into the microphone as loudly on both paths.
        private const float CenterPan = 0.70710678f;
        private readonly IEchoReference? _reference;
        private readonly Process _pacat;
        private readonly Stream _speakers;
        private readonly Thread _thread;
        private readonly short[] _ring = new short[1 << 16];
        private long _written, _read;   // free-running: the pump writes, the host thread reads
        private int _clearRequested, _stopped;
        private string? _fault;

        public PacatPlayback(string sink, IEchoReference? reference)
        {
            _reference = reference;
            var info = new ProcessStartInfo("pacat") { RedirectStandardInput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var a in new[] { "--playback", "--raw", "--device=" + sink, "--format=float32le", $"--rate={OutputRate}",
                         $"--channels={Channels}", "--latency-msec=40", "--client-name=VoiceNpcHostMixer" })
                info.ArgumentList.Add(a);
            _pacat = Process.Start(info) ?? throw new InvalidOperationException("pacat did not start");
            _speakers = _pacat.StandardInput.BaseStream;
            _thread = new Thread(Run) { IsBackground = true, Name = "host audio thread (pacat)" };
            _thread.Start();
        }

        public long PlayedSamples => Interlocked.Read(ref _read);
        public int QueuedPlaybackSamples => (int)(Interlocked.Read(ref _written) - Interlocked.Read(ref _read));
        public int PlaybackLeadSamples => 5 * AudioFormat.FrameSamples;
        public string? Fault => Volatile.Read(ref _fault);

        public int WritePlayback(ReadOnlySpan<short> samples)
        {
            long written = Interlocked.Read(ref _written);
            int free = _ring.Length - (int)(written - Interlocked.Read(ref _read));
            int count = Math.Min(free, samples.Length);
            for (int i = 0; i < count; i++) _ring[(written + i) & (_ring.Length - 1)] = samples[i];
            Interlocked.Exchange(ref _written, written + count);
            return count;
        }

        /// <summary>The host thread drops everything queued at its next block (counted as passed, as a callback does).</summary>
        public void ClearPlayback() => Interlocked.Exchange(ref _clearRequested, 1);

        private void Run()
        {
            var block = new float[Frames * Channels];
            var bytes = MemoryMarshal.AsBytes(block.AsSpan());
            var clock = Stopwatch.StartNew();
            long blocks = 0;
            short last = 0;
            try
            {
                while (Volatile.Read(ref _stopped) == 0)
                {
                    // Real time, Lead blocks ahead of the speakers as a mixer queues its buffers: block k is rendered
                    // when the clock reaches k - Lead. Every block, the first ones too, goes to the reference.
                    long due = (blocks - Lead) * 1000 / 50;
                    if (clock.ElapsedMilliseconds < due) { Thread.Sleep(1); continue; }
                    Render(block, ref last);
                    _speakers.Write(bytes);
                    _speakers.Flush();
                    _reference?.Write(block, Channels);
                    blocks++;
                }
            }
            catch (IOException e)
            {
                Volatile.Write(ref _fault, $"pacat stopped taking audio ({e.Message})");
            }
        }

        private void Render(float[] block, ref short last)
        {
            long read = Interlocked.Read(ref _read);
            long written = Interlocked.Read(ref _written);
            if (Interlocked.Exchange(ref _clearRequested, 0) != 0) { read = written; last = 0; }
            int take = (int)Math.Min(PipelinePerBlock, written - read);
            for (int j = 0; j < PipelinePerBlock; j++)
            {
                short next = j < take ? _ring[(read + j) & (_ring.Length - 1)] : (short)0;
                for (int m = 0; m < Step; m++)
                {
                    // Linear interpolation from the previous sample: 16 kHz to 48 kHz, the same on both channels.
                    float value = (last + (next - last) * (m + 1) / (float)Step) * CenterPan / 32768f;
                    int frame = j * Step + m;
                    for (int c = 0; c < Channels; c++) block[frame * Channels + c] = value;
                }
                last = next;
            }
            Interlocked.Exchange(ref _read, read + take);
        }

        public void Dispose()
        {
            Volatile.Write(ref _stopped, 1);
            _thread.Join();
            try { _speakers.Dispose(); } catch (IOException) { }
            if (!_pacat.WaitForExit(5000)) _pacat.Kill();
            _pacat.Dispose();
        }
    }
}
