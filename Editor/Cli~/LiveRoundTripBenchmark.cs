using System;
using System.Collections.Generic;
using System.Linq;
using VoiceNpc.Audio;
using VoiceNpc.Audio.Native;
using VoiceNpc.Characters;
using VoiceNpc.Conversation;
using VoiceNpc.Providers.Scripted;
using VoiceNpc.Testing;
using VoiceNpc.Timing;
using VoiceNpc.Vad;

namespace VoiceNpc.Cli
{
    /// <summary>
    /// Mic-to-speaker round trip and barge-in through real devices with zero-latency providers: a probe plays the
    /// player's "speech" (a tone the energy VAD hears) into the virtual microphone and records the virtual speakers.
    /// The NPC's device runs as in a game: 48 kHz devices, echo cancellation and noise suppression on.
    /// </summary>
    public static class LiveRoundTripBenchmark
    {
        private const int Turns = 10;

        private static void PumpUntil(VoiceConversation conversation, Func<bool> condition, string what) =>
            ConversationWaits.PumpUntil(conversation, condition, what, TimeSpan.FromSeconds(30));

        public static void Run()
        {
            string? speakers = Environment.GetEnvironmentVariable("VNA_TEST_PLAYBACK");
            string? microphone = Environment.GetEnvironmentVariable("VNA_TEST_MICROPHONE");
            if (string.IsNullOrEmpty(speakers) || string.IsNullOrEmpty(microphone))
            {
                Console.WriteLine("Live round trip: skipped (VNA_TEST_PLAYBACK/VNA_TEST_MICROPHONE are not set; ./build.sh bench sets up PulseAudio for them)");
                return;
            }
            var clock = new SystemClock();
            var character = CharacterLoader.Load(BenchPaths.Character) with
            {
                Voices = new Dictionary<string, VoiceSettings> { ["tone-tts"] = new VoiceSettings("tone") },
                Fallbacks = new StageChains(new[] { "energy" }, new[] { "scripted-stt" }, new[] { "scripted" }, new[] { "tone-tts" }),
            };
            var catalog = new ProviderCatalog()
                .AddVad("energy", () => new EnergyVad())
                .AddStt("scripted-stt", () => new ScriptedSpeechToText(clock, Enumerable.Repeat("what do you sell", 4 * Turns).ToArray()))
                .AddLlm("scripted", () => new ScriptedBrain())
                .AddTts("tone-tts", () => new ToneTextToSpeech(clock) { WordDuration = TimeSpan.FromMilliseconds(200) });
            using var device = NativeAudioDevice.Open(new NativeAudioOptions { CaptureDevice = "Monitor of " + microphone, PlaybackDevice = speakers });
            using var probe = new DeviceProbe(clock, "Monitor of " + speakers, microphone);
            var conversation = VoiceConversation.StartAsync(character, catalog.Resolve(character, () => clock.Now), device, clock).GetAwaiter().GetResult();
            var events = new List<ConversationEvent>();
            conversation.EventRaised += events.Add;
            var speech = ToneSpeech.Make(TimeSpan.FromMilliseconds(400));
            var bargeIn = ToneSpeech.Make(TimeSpan.FromMilliseconds(900));
            var roundTrips = new List<double>();
            var v2v = new List<double>();
            var silences = new List<double>();
            var queued = new List<double>();
            try
            {
                for (int turn = 0; turn < Turns; turn++)
                {
                    PumpUntil(conversation, () => conversation.State == TurnState.Listening && probe.SilenceStart(probe.Recorded - 16000, TimeSpan.FromMilliseconds(500)) >= 0, "the NPC listening in silence");
                    int before = probe.Recorded, seen = events.Count;
                    probe.Play(speech);
                    var spoken = clock.Now + AudioFormat.DurationOf(speech.Length);
                    PumpUntil(conversation, () => probe.VoicedSpan(before, int.MaxValue).First >= 0, "the NPC answering");
                    PumpUntil(conversation, () =>
                    {
                        queued.Add(AudioFormat.DurationOf(device.Stats.QueuedPlaybackSamples).TotalMilliseconds);
                        return queued.Count % 25 == 0;   // half a second of the NPC speaking, sampled every 20 ms
                    }, "sampling the playback queue");
                    roundTrips.Add((probe.ArrivalOf(probe.VoicedSpan(before, int.MaxValue).First) - spoken).TotalMilliseconds);

                    probe.Play(bargeIn);
                    PumpUntil(conversation, () => events.Skip(seen).OfType<NpcLineEnded>().Any(), "the NPC line ending");
                    var ended = events.Skip(seen).OfType<NpcLineEnded>().First();
                    if (events.Skip(seen).OfType<TurnCompleted>().FirstOrDefault()?.Metrics.VoiceToVoice is TimeSpan pipeline) v2v.Add(pipeline.TotalMilliseconds);
                    if (!ended.Interrupted) continue;
                    int cut = probe.IndexAt(ended.At), silence = -1;
                    PumpUntil(conversation, () => (silence = probe.SilenceStart(cut, TimeSpan.FromMilliseconds(300))) >= 0, "silence after the barge-in");
                    silences.Add((probe.ArrivalOf(silence) - ended.At).TotalMilliseconds);
                }
            }
            finally
            {
                conversation.DisposeAsync().AsTask().GetAwaiter().GetResult();
            }
            var stats = device.Stats;
            Console.WriteLine($"Live round trip through PulseAudio null sinks, zero-latency providers, {Turns} turns:");
            Console.WriteLine($"  player's last sample handed to the microphone → first NPC sample recorded off the speakers: p50 {Percentiles.Of(roundTrips, 50):0} ms, p99 {Percentiles.Of(roundTrips, 99):0} ms");
            Console.WriteLine($"    of which the pipeline's voice-to-voice (end of speech → first sample out, incl. the 200 ms VAD stop): p50 {Percentiles.Of(v2v, 50):0} ms");
            Console.WriteLine($"  queued playback (ring + OpenAL buffers) while the NPC speaks: p50 {Percentiles.Of(queued, 50):0} ms, p99 {Percentiles.Of(queued, 99):0} ms");
            Console.WriteLine($"  barge-in detected → NPC audio gone from the speakers' recording: p50 {Percentiles.Of(silences, 50):0} ms, p99 {Percentiles.Of(silences, 99):0} ms ({silences.Count} of {Turns} turns cut off)");
            Console.WriteLine($"  NPC device: DSP {stats.DspTime.TotalMilliseconds / Math.Max(1, AudioFormat.DurationOf(stats.CapturedSamples).TotalMilliseconds) * 100:0.00} % of one core, overruns {stats.CaptureOverruns}, underruns {stats.PlaybackUnderruns}, dropped backlog {stats.DroppedBacklogSamples}, real-time priority {(stats.RealtimePriority ? "yes" : "no")}");
        }
    }
}
