using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using VoiceNpc.Stt;
using VoiceNpc.Timing;

namespace VoiceNpc.Testing
{
    /// <summary>
    /// A deterministic recogniser for pipeline tests and benchmarks: the n-th utterance "is heard as" the n-th
    /// scripted text, after <see cref="Latency"/> on the conversation clock. It can also be told to fail.
    /// </summary>
    public sealed class ScriptedSpeechToText : ISpeechToText
    {
        private readonly IReadOnlyList<string> _texts;
        private readonly IClock _clock;
        private int _next;

        public ScriptedSpeechToText(IClock clock, IReadOnlyList<string> texts, string name = "scripted-stt")
        {
            _clock = clock;
            _texts = texts;
            Name = name;
        }

        public string Name { get; }
        public TimeSpan Latency { get; set; }
        public bool FailOnStart { get; set; }
        public long SamplesHeard { get; private set; }

        public Task PrepareAsync(RecognitionContext context, CancellationToken cancellationToken) => Task.CompletedTask;

        public Task<ISpeechRecognitionStream> StartAsync(ISpeechRecognitionEvents events, CancellationToken cancellationToken)
        {
            if (FailOnStart) throw new Providers.ProviderException(Name, "scripted failure at start");
            string text = _next < _texts.Count ? _texts[_next] : "";
            _next++;
            return Task.FromResult<ISpeechRecognitionStream>(new Stream(this, text));
        }

        public void Dispose() { }

        private sealed class Stream : ISpeechRecognitionStream
        {
            private readonly ScriptedSpeechToText _owner;
            private readonly string _text;

            public Stream(ScriptedSpeechToText owner, string text)
            {
                _owner = owner;
                _text = text;
            }

            public ValueTask WriteAsync(ReadOnlyMemory<short> pcm, CancellationToken cancellationToken)
            {
                _owner.SamplesHeard += pcm.Length;
                return default;
            }

            public async Task<Transcript> FinalizeAsync(CancellationToken cancellationToken)
            {
                await _owner._clock.Delay(_owner.Latency, cancellationToken).ConfigureAwait(false);
                return new Transcript(_text, Array.Empty<RecognizedWord>(), true);
            }

            public void Dispose() { }
        }
    }
}
