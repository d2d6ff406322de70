using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace VoiceNpc.Stt
{
    /// <summary>An utterance for a recogniser that hears it whole: keeps the audio, transcribes it when the turn ends.</summary>
    public sealed class BufferedUtterance : ISpeechRecognitionStream
    {
        private readonly Func<short[], CancellationToken, Task<Transcript>> _transcribe;
        private readonly List<short> _audio = new List<short>();

        public BufferedUtterance(Func<short[], CancellationToken, Task<Transcript>> transcribe) => _transcribe = transcribe;

        public ValueTask WriteAsync(ReadOnlyMemory<short> pcm, CancellationToken cancellationToken)
        {
            foreach (short s in pcm.Span) _audio.Add(s);
            return default;
        }

        public Task<Transcript> FinalizeAsync(CancellationToken cancellationToken) => _transcribe(_audio.ToArray(), cancellationToken);

        public void Dispose() { }
    }
}
