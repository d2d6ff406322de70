using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using VoiceNpc.Characters;
using VoiceNpc.Stt;
using VoiceNpc.Tts;

namespace VoiceNpc.Tests.Hosting
{
    /// <summary>A recogniser whose preparation never ends until cancelled: a start that is stopped half-way.</summary>
    public sealed class HangingSpeechToText : ISpeechToText
    {
        public TaskCompletionSource<bool> Entered { get; } = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        public bool Disposed { get; private set; }
        public string Name => "hanging-stt";

        public async Task PrepareAsync(RecognitionContext context, CancellationToken cancellationToken)
        {
            Entered.TrySetResult(true);
            await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
        }

        public Task<ISpeechRecognitionStream> StartAsync(ISpeechRecognitionEvents events, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("never prepared");

        public void Dispose() => Disposed = true;
    }

    /// <summary>A voice that never finishes a line until cancelled: the start is stopped while its fillers are spoken.</summary>
    public sealed class HangingTextToSpeech : ITextToSpeech
    {
        public TaskCompletionSource<bool> Entered { get; } = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        public bool Disposed { get; private set; }
        public string Name => "hanging-tts";

        public async IAsyncEnumerable<SpeechChunk> SynthesizeAsync(string text, VoiceSettings voice,
            [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            Entered.TrySetResult(true);
            await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
            yield break;
        }

        public void Dispose() => Disposed = true;
    }
}
