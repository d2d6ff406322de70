using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using VoiceNpc.Brain;
using VoiceNpc.Characters;
using VoiceNpc.Conversation;
using VoiceNpc.FakeCloud;
using VoiceNpc.Providers.Cloud;
using VoiceNpc.Providers.Deepgram;
using VoiceNpc.Providers.ElevenLabs;
using VoiceNpc.Providers.OpenAI;
using VoiceNpc.Providers.Scripted;
using VoiceNpc.Stt;
using VoiceNpc.Testing;
using VoiceNpc.Timing;
using VoiceNpc.Tts;
using VoiceNpc.Vad;

namespace VoiceNpc.Cli
{
    /// <summary>
    /// The cloud path with the fakes at published latencies (Deepgram final 250 ms after the end of speech, LLM first
    /// token 400 ms, ElevenLabs first byte 150 ms): real-time turns through the streaming pipeline, the same turns
    /// through a sequential one (whole transcript, then whole completion, then whole synthesis), and what a brain
    /// fallback adds when the first brain fails at the handshake or right after it.
    /// </summary>
    public static class CloudLatencyBenchmark
    {
        private const string Reply = "Shields are twenty gold. Swords are thirty. Repairs depend on the damage.";
        private static readonly TimeSpan DeepgramFinal = TimeSpan.FromMilliseconds(250), FirstToken = TimeSpan.FromMilliseconds(400), FirstByte = TimeSpan.FromMilliseconds(150);

        public static async Task RunAsync(int turns, CancellationToken cancellationToken)
        {
            await using var deepgram = await FakeDeepgram.StartAsync();
            await using var openai = await FakeOpenAI.StartAsync();
            await using var eleven = await FakeElevenLabs.StartAsync();
            deepgram.Transcriber = new InstantTranscriber();
            deepgram.Knobs.FirstByteLatency = DeepgramFinal;
            openai.Knobs.FirstByteLatency = FirstToken;
            openai.Knobs.ChunkInterval = TimeSpan.FromMilliseconds(25);
            openai.Reply = _ => Reply;
            eleven.Speaker = new ToneSpeaker();
            eleven.Knobs.FirstByteLatency = FirstByte;
            eleven.Knobs.ChunkInterval = TimeSpan.FromMilliseconds(20);

            var fallbackTurns = Math.Max(5, turns / 3);
            var streaming = await RunTurnsAsync(deepgram, openai, eleven, turns, sequential: false, brains: new[] { "openai" }, cancellationToken);
            var sequential = await RunTurnsAsync(deepgram, openai, eleven, turns, sequential: true, brains: new[] { "openai" }, cancellationToken);
            // A chain stays on the fallback once it switched, so each fallback is measured in a conversation of its own.
            var scripted = await FirstTurnsAsync(deepgram, openai, eleven, fallbackTurns, new[] { "scripted" }, cancellationToken);
            openai.Knobs.ErrorStatus = 401;
            var handshake = await FirstTurnsAsync(deepgram, openai, eleven, fallbackTurns, new[] { "openai", "scripted" }, cancellationToken);
            openai.Knobs.ErrorStatus = null;
            openai.Knobs.DisconnectAfterChunks = 1;
            var midStream = await FirstTurnsAsync(deepgram, openai, eleven, fallbackTurns, new[] { "openai", "scripted" }, cancellationToken);
            openai.Knobs.DisconnectAfterChunks = null;

            double sum = (DeepgramFinal + FirstToken + FirstByte).TotalMilliseconds;
            Console.WriteLine($"Cloud path on the fakes at published latencies (Deepgram final {DeepgramFinal.TotalMilliseconds:0} ms, LLM first token {FirstToken.TotalMilliseconds:0} ms, ElevenLabs first byte {FirstByte.TotalMilliseconds:0} ms; sum {sum:0} ms), end of speech → first sample out:");
            Console.WriteLine($"  streaming pipeline, {streaming.Count} turns: p50 {Percentiles.Of(streaming, 50):0} ms, p95 {Percentiles.Of(streaming, 95):0} ms (of which 200 ms VAD stop; overhead over stop + sum: p50 {Percentiles.Of(streaming, 50) - 200 - sum:0} ms)");
            Console.WriteLine($"  sequential pipeline (whole transcript, whole completion, whole synthesis), {sequential.Count} turns: p50 {Percentiles.Of(sequential, 50):0} ms, p95 {Percentiles.Of(sequential, 95):0} ms");
            Console.WriteLine($"  brain fallback, openai → scripted, first turn of {fallbackTurns} conversations each: scripted alone p50 {Percentiles.Of(scripted, 50):0} ms; openai refused at the handshake (401) p50 {Percentiles.Of(handshake, 50):0} ms (+{Percentiles.Of(handshake, 50) - Percentiles.Of(scripted, 50):0} ms); openai stream cut after its first chunk p50 {Percentiles.Of(midStream, 50):0} ms (+{Percentiles.Of(midStream, 50) - Percentiles.Of(scripted, 50):0} ms)");
        }

        private static async Task<List<double>> FirstTurnsAsync(FakeDeepgram deepgram, FakeOpenAI openai, FakeElevenLabs eleven, int conversations,
            string[] brains, CancellationToken cancellationToken)
        {
            var firsts = new List<double>();
            for (int i = 0; i < conversations; i++)
                firsts.AddRange(await RunTurnsAsync(deepgram, openai, eleven, 1, sequential: false, brains, cancellationToken));
            return firsts;
        }

        private static async Task<List<double>> RunTurnsAsync(FakeDeepgram deepgram, FakeOpenAI openai, FakeElevenLabs eleven, int turns, bool sequential,
            string[] brains, CancellationToken cancellationToken)
        {
            var clock = new SystemClock();
            var fast = new ResilienceSettings { RetryDelay = TimeSpan.FromMilliseconds(50), MaxRetries = 1, CircuitMinimumThroughput = 1000 };
            var character = CharacterLoader.Load(BenchPaths.Character) with
            {
                Voices = new Dictionary<string, VoiceSettings> { ["elevenlabs"] = new VoiceSettings(FakeElevenLabs.Voices[0]) },
                Fallbacks = new StageChains(new[] { "energy" }, new[] { "deepgram" }, brains, new[] { "elevenlabs" }),
            };
            var catalog = new ProviderCatalog()
                .AddVad("energy", () => new EnergyVad())
                .AddStt("deepgram", () => new DeepgramLiveStt(new DeepgramOptions { BaseUrl = deepgram.BaseUrl, Key = CloudKey.FromValue(deepgram.Key), Resilience = fast }))
                .AddLlm("openai", () => Wrap(new OpenAIChatBrain(new OpenAIBrainOptions { BaseUrl = openai.BaseUrl, Key = CloudKey.FromValue(openai.Key), Resilience = fast }), sequential))
                .AddLlm("scripted", () => new ScriptedBrain())
                .AddTts("elevenlabs", () => Wrap(new ElevenLabsSpeech(new ElevenLabsOptions { BaseUrl = eleven.BaseUrl, Key = CloudKey.FromValue(eleven.Key), Resilience = fast }), sequential));
            var clips = Enumerable.Range(0, turns).Select(_ => ToneSpeech.Make(TimeSpan.FromMilliseconds(400))).ToArray();
            var run = new FileConversation(character, catalog, clock) { ReplyGap = TimeSpan.FromMilliseconds(150) };
            var results = await run.RunAsync(clips, null, cancellationToken);
            return results.Where(r => r.Metrics.VoiceToVoice.HasValue).Select(r => r.Metrics.VoiceToVoice!.Value.TotalMilliseconds).ToList();
        }

        private static ICharacterBrain Wrap(ICharacterBrain brain, bool sequential) => sequential ? new WholeReplyBrain(brain) : brain;
        private static ITextToSpeech Wrap(ITextToSpeech tts, bool sequential) => sequential ? new WholeSpeechTts(tts) : tts;

        /// <summary>The sequential baseline: the whole completion before anything is spoken.</summary>
        private sealed class WholeReplyBrain : ICharacterBrain
        {
            private readonly ICharacterBrain _inner;
            public WholeReplyBrain(ICharacterBrain inner) => _inner = inner;
            public string Name => _inner.Name;
            public async IAsyncEnumerable<string> StreamReplyAsync(BrainRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
            {
                var whole = new System.Text.StringBuilder();
                await foreach (var token in _inner.StreamReplyAsync(request, cancellationToken)) whole.Append(token);
                yield return whole.ToString();
            }
            public void Dispose() => _inner.Dispose();
        }

        /// <summary>The sequential baseline: the whole synthesis before anything plays.</summary>
        private sealed class WholeSpeechTts : ITextToSpeech
        {
            private readonly ITextToSpeech _inner;
            public WholeSpeechTts(ITextToSpeech inner) => _inner = inner;
            public string Name => _inner.Name;
            public async IAsyncEnumerable<SpeechChunk> SynthesizeAsync(string text, VoiceSettings voice, [EnumeratorCancellation] CancellationToken cancellationToken)
            {
                var chunks = new List<SpeechChunk>();
                await foreach (var chunk in _inner.SynthesizeAsync(text, voice, cancellationToken)) chunks.Add(chunk);
                if (chunks.Count > 0) yield return SpeechChunks.Join(chunks);
            }
            public void Dispose() => _inner.Dispose();
        }

        /// <summary>The fake recogniser's answer at once, so only the configured latency counts.</summary>
        private sealed class InstantTranscriber : OfflineTranscriber
        {
            public override Task<string> TranscribeAsync(short[] pcm, CancellationToken cancellationToken) => Task.FromResult("how much is a shield");
        }

        /// <summary>The fake voice's audio at once: a tone of 50 ms per character.</summary>
        private sealed class ToneSpeaker : OfflineSpeaker
        {
            public override Task<short[]> SpeakAsync(string text, CancellationToken cancellationToken) =>
                Task.FromResult(ToneSpeech.Make(TimeSpan.FromMilliseconds(50 * text.Length)));
        }
    }
}
