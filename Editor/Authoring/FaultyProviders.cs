using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using VoiceNpc.Brain;
using VoiceNpc.Characters;
using VoiceNpc.Conversation;
using VoiceNpc.Providers;
using VoiceNpc.Stt;
using VoiceNpc.Tts;

namespace VoiceNpc.Authoring
{
    /// <summary>Puts the rehearsed faults into the providers a catalog creates; the others pass through untouched.</summary>
    internal sealed class FaultInjector : IProviderInterceptor
    {
        private readonly IReadOnlyDictionary<string, ProviderFault> _faults;

        public FaultInjector(IEnumerable<RehearsalFault> faults)
        {
            var map = new Dictionary<string, ProviderFault>(StringComparer.OrdinalIgnoreCase);
            foreach (var f in faults) map[f.Provider] = f.Kind;
            _faults = map;
        }

        public ISpeechToText Stt(string name, ISpeechToText provider) => _faults.TryGetValue(name, out var f) ? new FaultySpeechToText(provider, f) : provider;
        public ICharacterBrain Llm(string name, ICharacterBrain provider) => _faults.TryGetValue(name, out var f) ? new FaultyBrain(provider, f) : provider;
        public ITextToSpeech Tts(string name, ITextToSpeech provider) =>
            !_faults.TryGetValue(name, out var f) ? provider
            : provider is IStreamingInputSpeech streaming ? new FaultyStreamingVoice(streaming, f) : new FaultyVoice(provider, f);

        /// <summary>A stream that fails as rehearsed: before its first item, or right after it (mid-stream).</summary>
        public static async IAsyncEnumerable<T> Fail<T>(Func<IAsyncEnumerable<T>> stream, string provider, ProviderFault fault)
        {
            if (fault != ProviderFault.MidStream) throw Failure(provider, fault);
            await foreach (var item in stream().ConfigureAwait(false))
            {
                yield return item;
                throw Failure(provider, ProviderFault.MidStream);
            }
        }

        /// <summary>
        /// The failure a rehearsed fault raises, worded as a provider's own. An outage fails at once, as a refused
        /// connection does (a network that swallows packets would add the provider's attempt timeout).
        /// </summary>
        public static ProviderException Failure(string provider, ProviderFault fault) => new ProviderException(provider, fault switch
        {
            ProviderFault.Handshake => "HTTP 401: the request was refused (rehearsed handshake failure)",
            ProviderFault.MidStream => "the connection dropped mid-stream (rehearsed)",
            _ => "no connection: the service is unreachable (rehearsed outage)",
        });
    }

    /// <summary>A recogniser that fails as rehearsed: at the start of an utterance, or after its first audio.</summary>
    internal sealed class FaultySpeechToText : ISpeechToText
    {
        private readonly ISpeechToText _inner;
        private readonly ProviderFault _fault;

        public FaultySpeechToText(ISpeechToText inner, ProviderFault fault)
        {
            _inner = inner;
            _fault = fault;
        }

        public string Name => _inner.Name;
        public Task PrepareAsync(RecognitionContext context, CancellationToken cancellationToken) => _inner.PrepareAsync(context, cancellationToken);

        public async Task<ISpeechRecognitionStream> StartAsync(ISpeechRecognitionEvents events, CancellationToken cancellationToken)
        {
            if (_fault != ProviderFault.MidStream) throw FaultInjector.Failure(Name, _fault);
            return new DroppingStream(await _inner.StartAsync(events, cancellationToken).ConfigureAwait(false), Name);
        }

        public void Dispose() => _inner.Dispose();

        /// <summary>Takes the first 200 ms of audio, then fails.</summary>
        private sealed class DroppingStream : ISpeechRecognitionStream
        {
            private readonly ISpeechRecognitionStream _inner;
            private readonly string _name;
            private int _samples;

            public DroppingStream(ISpeechRecognitionStream inner, string name)
            {
                _inner = inner;
                _name = name;
            }

            public ValueTask WriteAsync(ReadOnlyMemory<short> pcm, CancellationToken cancellationToken)
            {
                _samples += pcm.Length;
                if (_samples > Audio.AudioFormat.SampleRate / 5) throw FaultInjector.Failure(_name, ProviderFault.MidStream);
                return _inner.WriteAsync(pcm, cancellationToken);
            }

            public Task<Transcript> FinalizeAsync(CancellationToken cancellationToken) => throw FaultInjector.Failure(_name, ProviderFault.MidStream);

            public void Dispose() => _inner.Dispose();
        }
    }

    /// <summary>A brain that fails as rehearsed: before its first word, or after it.</summary>
    internal sealed class FaultyBrain : ICharacterBrain
    {
        private readonly ICharacterBrain _inner;
        private readonly ProviderFault _fault;

        public FaultyBrain(ICharacterBrain inner, ProviderFault fault)
        {
            _inner = inner;
            _fault = fault;
        }

        public string Name => _inner.Name;

        public IAsyncEnumerable<string> StreamReplyAsync(BrainRequest request, CancellationToken cancellationToken) =>
            FaultInjector.Fail(() => _inner.StreamReplyAsync(request, cancellationToken), Name, _fault);

        public void Dispose() => _inner.Dispose();
    }

    /// <summary>A voice that fails as rehearsed: before any audio, or after the first chunk of a line.</summary>
    internal class FaultyVoice : ITextToSpeech
    {
        private readonly ITextToSpeech _inner;
        private readonly ProviderFault _fault;

        public FaultyVoice(ITextToSpeech inner, ProviderFault fault)
        {
            _inner = inner;
            _fault = fault;
        }

        public string Name => _inner.Name;

        public IAsyncEnumerable<SpeechChunk> SynthesizeAsync(string text, VoiceSettings voice, CancellationToken cancellationToken) =>
            FaultInjector.Fail(() => _inner.SynthesizeAsync(text, voice, cancellationToken), Name, _fault);

        public void Dispose() => _inner.Dispose();
    }

    /// <summary>
    /// A voice that takes streamed input (a reply over one socket) failing as rehearsed: refused when the stream
    /// opens, or cut after the stream's first audio, so the rehearsal goes through the same recovery as the game.
    /// </summary>
    internal sealed class FaultyStreamingVoice : FaultyVoice, IStreamingInputSpeech
    {
        private readonly IStreamingInputSpeech _streaming;
        private readonly ProviderFault _fault;

        public FaultyStreamingVoice(IStreamingInputSpeech inner, ProviderFault fault) : base(inner, fault)
        {
            _streaming = inner;
            _fault = fault;
        }

        public async Task<ISpeechInputStream> OpenStreamAsync(VoiceSettings voice, CancellationToken cancellationToken)
        {
            if (_fault != ProviderFault.MidStream) throw FaultInjector.Failure(Name, _fault);
            return new DroppingStream(await _streaming.OpenStreamAsync(voice, cancellationToken).ConfigureAwait(false), Name);
        }

        /// <summary>Passes the text on; the audio stops with a failure after its first chunk.</summary>
        private sealed class DroppingStream : ISpeechInputStream
        {
            private readonly ISpeechInputStream _inner;
            private readonly string _name;

            public DroppingStream(ISpeechInputStream inner, string name)
            {
                _inner = inner;
                _name = name;
            }

            public int ClausesSpoken => _inner.ClausesSpoken;
            public Task SendAsync(string clause, CancellationToken cancellationToken) => _inner.SendAsync(clause, cancellationToken);
            public Task CompleteAsync(CancellationToken cancellationToken) => _inner.CompleteAsync(cancellationToken);

            public IAsyncEnumerable<SpeechChunk> ReadAudioAsync(CancellationToken cancellationToken) =>
                FaultInjector.Fail(() => _inner.ReadAudioAsync(cancellationToken), _name, ProviderFault.MidStream);

            public void Dispose() => _inner.Dispose();
        }
    }
}
