using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using VoiceNpc.Authoring;
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
    /// token 400 ms, ElevenLabs first byte 150 ms): real-time turns through the streaming pipeline (ElevenLabs fed over
    /// its stream-input socket, and over one HTTP request per clause), the same turns through a sequential one (whole
    /// transcript, then whole completion, then whole synthesis), and what a fallback adds in each stage when the first
    /// provider fails at the handshake or after it.
    /// </summary>
    public static class CloudLatencyBenchmark
    {
        private const string Reply = "Shields are twenty gold. Swords are thirty. Repairs depend on the damage.";
        private static readonly TimeSpan DeepgramFinal = TimeSpan.FromMilliseconds(250), FirstToken = TimeSpan.FromMilliseconds(400), FirstByte = TimeSpan.FromMilliseconds(150);

        /// <summary>One measured configuration: the chains, how the providers are wrapped, and the fault to inject.</summary>
        private sealed record Setup(string[] Stt, string[] Llm, string[] Tts)
        {
            public bool Sequential { get; init; }
            public bool TtsPerClause { get; init; }
            public bool Fillers { get; init; } = true;
            public Action<Fakes>? Fault { get; init; }
        }

        private sealed record Fakes(FakeDeepgram Deepgram, FakeOpenAI OpenAI, FakeElevenLabs Eleven);

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
            openai.Transcriber = new InstantTranscriber();
            openai.Speaker = new ToneSpeaker();
            eleven.Speaker = new ToneSpeaker();
            eleven.Knobs.FirstByteLatency = FirstByte;
            eleven.Knobs.ChunkInterval = TimeSpan.FromMilliseconds(20);
            var fakes = new Fakes(deepgram, openai, eleven);
            string[] deepgramOnly = { "deepgram" }, openaiOnly = { "openai" }, elevenOnly = { "elevenlabs" };

            var streaming = await RunTurnsAsync(fakes, turns, new Setup(deepgramOnly, openaiOnly, elevenOnly), cancellationToken);
            var perClause = await RunTurnsAsync(fakes, turns, new Setup(deepgramOnly, openaiOnly, elevenOnly) { TtsPerClause = true }, cancellationToken);
            var sequential = await RunTurnsAsync(fakes, turns, new Setup(deepgramOnly, openaiOnly, elevenOnly) { Sequential = true }, cancellationToken);

            // A chain stays on the fallback once it switched, so each fallback is measured on the first turn of
            // conversations of its own, against the fallback provider alone.
            int n = Math.Max(5, turns / 3);
            var brain = (
                Alone: await FirstTurnsAsync(fakes, n, new Setup(deepgramOnly, new[] { "scripted" }, elevenOnly), cancellationToken),
                Handshake: await FirstTurnsAsync(fakes, n, new Setup(deepgramOnly, new[] { "openai", "scripted" }, elevenOnly) { Fault = f => f.OpenAI.Knobs.ErrorStatus = 401 }, cancellationToken),
                MidStream: await FirstTurnsAsync(fakes, n, new Setup(deepgramOnly, new[] { "openai", "scripted" }, elevenOnly) { Fault = f => f.OpenAI.Knobs.DisconnectAfterChunks = 1 }, cancellationToken));
            var stt = (
                Alone: await FirstTurnsAsync(fakes, n, new Setup(new[] { "openai" }, new[] { "scripted" }, elevenOnly), cancellationToken),
                Handshake: await FirstTurnsAsync(fakes, n, new Setup(new[] { "deepgram", "openai" }, new[] { "scripted" }, elevenOnly) { Fault = f => f.Deepgram.Knobs.ErrorStatus = 401 }, cancellationToken),
                MidStream: await FirstTurnsAsync(fakes, n, new Setup(new[] { "deepgram", "openai" }, new[] { "scripted" }, elevenOnly) { Fault = f => f.Deepgram.Knobs.DisconnectAfterChunks = 3 }, cancellationToken));
            // No fillers here: they are synthesized at start-up, where a failing voice would already have been switched.
            var tts = (
                Alone: await FirstTurnsAsync(fakes, n, new Setup(deepgramOnly, new[] { "scripted" }, new[] { "openai" }) { Fillers = false }, cancellationToken),
                Handshake: await FirstTurnsAsync(fakes, n, new Setup(deepgramOnly, new[] { "scripted" }, new[] { "elevenlabs", "openai" }) { Fillers = false, Fault = f => f.Eleven.Knobs.ErrorStatus = 401 }, cancellationToken),
                MidStream: await FirstTurnsAsync(fakes, n, new Setup(deepgramOnly, new[] { "scripted" }, new[] { "elevenlabs", "openai" }) { Fillers = false, Fault = f => f.Eleven.Knobs.DisconnectAfterChunks = 0 }, cancellationToken));

            double sum = (DeepgramFinal + FirstToken + FirstByte).TotalMilliseconds;
            Console.WriteLine($"Cloud path on the fakes at published latencies (Deepgram final {DeepgramFinal.TotalMilliseconds:0} ms, LLM first token {FirstToken.TotalMilliseconds:0} ms, ElevenLabs first byte {FirstByte.TotalMilliseconds:0} ms; sum {sum:0} ms), end of speech → first sample out:");
            Console.WriteLine($"  streaming pipeline, ElevenLabs stream-input socket, {streaming.Count} turns: {Figures(streaming)} (of which 200 ms VAD stop; overhead over stop + sum: p50 {Percentiles.Of(streaming, 50) - 200 - sum:0} ms)");
            Console.WriteLine($"  streaming pipeline, ElevenLabs HTTP request per clause, {perClause.Count} turns: {Figures(perClause)}");
            Console.WriteLine($"  sequential pipeline (whole transcript, whole completion, whole synthesis), {sequential.Count} turns: {Figures(sequential)}");
            Console.WriteLine($"  what a fallback adds, first turn of {n} conversations each (p50 against the fallback alone):");
            Console.WriteLine(FallbackLine("llm openai → scripted", brain, "refused at the handshake (401)", "stream cut after its first chunk"));
            Console.WriteLine(FallbackLine("stt deepgram → openai", stt, "refused at the handshake (401)", "every socket cut after 3 audio frames"));
            Console.WriteLine(FallbackLine("tts elevenlabs → openai", tts, "refused at the handshake (401)", "socket cut before its first audio"));
        }

        private static string Figures(List<double> ms) => $"p50 {Percentiles.Of(ms, 50):0} ms, p95 {Percentiles.Of(ms, 95):0} ms";

        private static string FallbackLine(string chain, (List<double> Alone, List<double> Handshake, List<double> MidStream) m, string handshake, string midStream)
        {
            double alone = Percentiles.Of(m.Alone, 50), a = Percentiles.Of(m.Handshake, 50), b = Percentiles.Of(m.MidStream, 50);
            return $"    {chain}: fallback alone {alone:0} ms; {handshake} {a:0} ms ({a - alone:+0;-0;+0} ms); {midStream} {b:0} ms ({b - alone:+0;-0;+0} ms)";
        }

        private static async Task<List<double>> FirstTurnsAsync(Fakes fakes, int conversations, Setup setup, CancellationToken cancellationToken)
        {
            var firsts = new List<double>();
            setup.Fault?.Invoke(fakes);
            try
            {
                for (int i = 0; i < conversations; i++) firsts.AddRange(await RunTurnsAsync(fakes, 1, setup, cancellationToken));
            }
            finally { Heal(fakes); }
            return firsts;
        }

        private static void Heal(Fakes fakes)
        {
            foreach (var knobs in new[] { fakes.Deepgram.Knobs, fakes.OpenAI.Knobs, fakes.Eleven.Knobs })
            {
                knobs.ErrorStatus = null;
                knobs.DisconnectAfterChunks = null;
            }
        }

        private static async Task<List<double>> RunTurnsAsync(Fakes fakes, int turns, Setup setup, CancellationToken cancellationToken)
        {
            var clock = new SystemClock();
            var fast = new ResilienceSettings { RetryDelay = TimeSpan.FromMilliseconds(50), MaxRetries = 1, CircuitMinimumThroughput = 1000 };
            var loaded = CharacterLoader.Load(BenchPaths.Character);
            var character = loaded with
            {
                Voices = new Dictionary<string, VoiceSettings> { ["elevenlabs"] = new VoiceSettings(FakeElevenLabs.Voices[0]), ["openai"] = new VoiceSettings("alloy") },
                Fallbacks = new StageChains(new[] { "energy" }, setup.Stt, setup.Llm, setup.Tts),
                Fillers = setup.Fillers ? loaded.Fillers : new string[0],
            };
            var (deepgram, openai, eleven) = fakes;
            var openaiAudio = new OpenAIAudioOptions { BaseUrl = openai.BaseUrl, Key = CloudKey.FromValue(openai.Key), Resilience = fast };
            var catalog = new ProviderCatalog()
                .AddVad("energy", () => new EnergyVad())
                .AddStt("deepgram", () => new DeepgramLiveStt(new DeepgramOptions { BaseUrl = deepgram.BaseUrl, Key = CloudKey.FromValue(deepgram.Key), Resilience = fast }))
                .AddStt("openai", () => new OpenAITranscription(openaiAudio))
                .AddLlm("openai", () => Wrap(new OpenAIChatBrain(new OpenAIBrainOptions { BaseUrl = openai.BaseUrl, Key = CloudKey.FromValue(openai.Key), Resilience = fast }), setup.Sequential))
                .AddLlm("scripted", () => new ScriptedBrain())
                .AddTts("elevenlabs", () => Wrap(new ElevenLabsSpeech(new ElevenLabsOptions { BaseUrl = eleven.BaseUrl, Key = CloudKey.FromValue(eleven.Key), Resilience = fast }), setup.Sequential, setup.TtsPerClause))
                .AddTts("openai", () => Wrap(new OpenAISpeech(openaiAudio), setup.Sequential, false));
            var clips = Enumerable.Range(0, turns).Select(_ => ToneSpeech.Make(TimeSpan.FromMilliseconds(400))).ToArray();
            var run = new FileConversation(character, catalog, clock) { ReplyGap = TimeSpan.FromMilliseconds(150) };
            var results = await run.RunAsync(clips, null, cancellationToken);
            return results.Where(r => r.Metrics.VoiceToVoice.HasValue).Select(r => r.Metrics.VoiceToVoice!.Value.TotalMilliseconds).ToList();
        }

        private static ICharacterBrain Wrap(ICharacterBrain brain, bool sequential) => sequential ? new WholeReplyBrain(brain) : brain;
        private static ITextToSpeech Wrap(ITextToSpeech tts, bool sequential, bool perClause) =>
            sequential ? new WholeSpeechTts(tts) : perClause ? new PerClauseTts(tts) : tts;

        /// <summary>The same voice without its stream input: one request per clause.</summary>
        private sealed class PerClauseTts : ITextToSpeech
        {
            private readonly ITextToSpeech _inner;
            public PerClauseTts(ITextToSpeech inner) => _inner = inner;
            public string Name => _inner.Name;
            public IAsyncEnumerable<SpeechChunk> SynthesizeAsync(string text, VoiceSettings voice, CancellationToken cancellationToken) => _inner.SynthesizeAsync(text, voice, cancellationToken);
            public void Dispose() => _inner.Dispose();
        }

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
                if (await SpeechChunks.SynthesizeWholeAsync(_inner, text, voice, cancellationToken) is SpeechChunk whole) yield return whole;
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
