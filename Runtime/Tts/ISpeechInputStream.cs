using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace VoiceNpc.Tts
{
    /// <summary>One reply spoken by an <see cref="IStreamingInputSpeech"/> provider. Text in on one task, audio out on another.</summary>
    public interface ISpeechInputStream : IDisposable
    {
        /// <summary>Adds the next clause of the reply.</summary>
        Task SendAsync(string clause, CancellationToken cancellationToken);

        /// <summary>No more text: the provider speaks what it holds, then the audio ends.</summary>
        Task CompleteAsync(CancellationToken cancellationToken);

        /// <summary>The reply's audio in order, until the provider's last chunk; a failure is a ProviderException.</summary>
        IAsyncEnumerable<SpeechChunk> ReadAudioAsync(CancellationToken cancellationToken);

        /// <summary>How many of the clauses sent so far have been spoken whole, so a fallback knows where to go on.</summary>
        int ClausesSpoken { get; }
    }
}
