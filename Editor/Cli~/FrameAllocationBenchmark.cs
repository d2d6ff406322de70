using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using Spectre.Console;
using VoiceNpc.Audio;
using VoiceNpc.Characters;
using VoiceNpc.Conversation;
using VoiceNpc.Hosting;
using VoiceNpc.Providers.PocketSphinx;
using VoiceNpc.Stt;
using VoiceNpc.Timing;
using VoiceNpc.Vad;

namespace VoiceNpc.Cli
{
    /// <summary>
    /// Bytes allocated per 20 ms frame on the audio-in → VAD → STT path, in steady state while the player speaks:
    /// the real pump, the character's VAD (Silero when its model is there) and the real PocketSphinx worker.
    /// </summary>
    public static class FrameAllocationBenchmark
    {
        private const int WarmUpFrames = 500, MeasuredFrames = 3000;

        public static void Run()
        {
            var loaded = CharacterLoader.Load(BenchPaths.Character);
            // One long utterance: no endpoint, so the measurement stays on the listening path.
            var character = loaded with { TurnTaking = loaded.TurnTaking with { VadStopSeconds = 5, MaxTurnSeconds = 120 } };
            var speech = LoopedPlayerSpeech();
            var clock = new ManualClock();
            var events = new EventQueue();
            // The benchmark measures Silero: a missing or damaged model is an error here, not a quiet switch to the energy VAD.
            IVoiceActivityDetector vad = new SileroVad(ModelCheck.ReadVerified(ModelFiles.Silero));
            var vadChain = new VadChain(new StageChain<IVoiceActivityDetector>("vad", new[] { (vad.Name, vad) }), events);
            var stt = new PocketSphinxSpeechToText(new PocketSphinxOptions());
            stt.PrepareAsync(RecognitionContext.For(character), CancellationToken.None).GetAwaiter().GetResult();
            var sttChain = new StageChain<ISpeechToText>("stt", new[] { (stt.Name, (ISpeechToText)stt) });

            var pool = new FramePool(AudioFormat.FrameSamples, 512);
            var sttChannel = new TrackedChannel<SttInput>(576, clock.Work);
            var playback = Channel.CreateBounded<PlaybackItem>(1);
            var device = new LoopingMicrophone(speech);
            var pump = new ConversationPump(device, clock, character, events, vadChain, pool, sttChannel, playback.Reader, new FillerLines(),
                new ConversationMemory(), new ConversationControls(), new TrackedChannel<ReplyRequest>(4, clock.Work));
            var worker = new SttWorker(sttChannel, sttChain, pool, clock, events, character.TurnTaking.MaxTurnSeconds, character.Deadlines.Stt, (_, _) => { });
            var running = Task.Run(worker.RunAsync);

            long pumpBytes = 0, totalBefore = 0;
            for (int frame = 0; frame < WarmUpFrames + MeasuredFrames; frame++)
            {
                if (frame == WarmUpFrames) { pumpBytes = 0; totalBefore = GC.GetTotalAllocatedBytes(true); }
                clock.Step();
                long before = GC.GetAllocatedBytesForCurrentThread();
                pump.ProcessFrame();
                pumpBytes += GC.GetAllocatedBytesForCurrentThread() - before;
                // Real time would give the worker 20 ms; waiting until it is idle keeps the measurement free of drops.
                while (clock.Work.Busy > 0) Thread.Yield();
                while (events.TryTake(out _)) { }
            }
            long totalBytes = GC.GetTotalAllocatedBytes(true) - totalBefore;
            sttChannel.Complete();
            running.GetAwaiter().GetResult();
            vadChain.Dispose();
            sttChain.Dispose();

            var table = new Table().Title($"Allocation per 20 ms frame, {MeasuredFrames} frames of continuous speech, VAD: {vad.Name}")
                .AddColumn("path").AddColumn(new TableColumn("bytes/frame").RightAligned());
            table.AddRow("audio pump: capture → VAD → pre-roll → STT hand-off", ((double)pumpBytes / MeasuredFrames).ToString("0.00"));
            table.AddRow("whole process (adds the PocketSphinx worker and its interim transcripts)", ((double)totalBytes / MeasuredFrames).ToString("0.00"));
            table.AddRow("frames dropped", pump.DroppedFrames.ToString());
            AnsiConsole.Write(table);
        }

        private static short[] LoopedPlayerSpeech()
        {
            var all = new List<short>();
            foreach (var file in Directory.GetFiles(Path.Combine(BenchPaths.Sample, "player"), "*.wav").OrderBy(f => f))
            {
                all.AddRange(WavFile.ReadAsPipelineAudio(file));
                all.AddRange(new short[AudioFormat.SampleRate * 3 / 10]);
            }
            return all.ToArray();
        }

        /// <summary>A microphone that loops a clip and speakers that discard: allocation-free, so only the pipeline is measured.</summary>
        private sealed class LoopingMicrophone : IAudioDevice
        {
            private readonly short[] _clip;
            private int _offset;

            public LoopingMicrophone(short[] clip) => _clip = clip;

            public long PlayedSamples => 0;
            public int QueuedPlaybackSamples => 0;
            public string? Fault => null;

            public int ReadCapture(Span<short> destination)
            {
                for (int i = 0; i < destination.Length; i++)
                {
                    destination[i] = _clip[_offset];
                    _offset = (_offset + 1) % _clip.Length;
                }
                return destination.Length;
            }

            public int WritePlayback(ReadOnlySpan<short> samples) => samples.Length;
            public void ClearPlayback() { }
            public void Dispose() { }
        }

        /// <summary>A clock the benchmark steps by one frame, with work tracking so it can wait for the STT worker.</summary>
        private sealed class ManualClock : IClock
        {
            private long _ticks;

            public TimeSpan Now => TimeSpan.FromTicks(Interlocked.Read(ref _ticks));
            public WorkTracker Work { get; } = new WorkTracker(enabled: true);

            public void Step() => Interlocked.Add(ref _ticks, TimeSpan.FromMilliseconds(AudioFormat.FrameMilliseconds).Ticks);

            public Task Delay(TimeSpan delay, CancellationToken cancellationToken) => Task.Delay(delay, cancellationToken);
            public Task WaitUntilAsync(TimeSpan time, CancellationToken cancellationToken) => Task.CompletedTask;
        }
    }
}
