using System;
using System.Threading;
using System.Threading.Tasks;

namespace VoiceNpc.Stt
{
    /// <summary>A speech-to-text provider. One stream per player utterance.</summary>
    public interface ISpeechToText : IDisposable
    {
        /// <summary>The name used in fallback chains and metrics ("pocketsphinx", "deepgram").</summary>
        string Name { get; }

        /// <summary>Prepares the provider for a character (e.g. builds a biased language model). Called once, before any stream.</summary>
        Task PrepareAsync(RecognitionContext context, CancellationToken cancellationToken);

        /// <summary>Opens a stream for one utterance; <paramref name="events"/> receives interim results and end-of-speech.</summary>
        Task<ISpeechRecognitionStream> StartAsync(ISpeechRecognitionEvents events, CancellationToken cancellationToken);
    }

    /// <summary>One utterance being recognised. Written by one task at a time.</summary>
    public interface ISpeechRecognitionStream : IDisposable
    {
        /// <summary>Feeds pipeline-format PCM. The span is only valid during the call.</summary>
        ValueTask WriteAsync(ReadOnlyMemory<short> pcm, CancellationToken cancellationToken);

        /// <summary>No more audio: returns the final transcript.</summary>
        Task<Transcript> FinalizeAsync(CancellationToken cancellationToken);
    }

    /// <summary>Signals a recogniser raises while audio flows. May be called from any thread.</summary>
    public interface ISpeechRecognitionEvents
    {
        void OnInterim(Transcript transcript);

        /// <summary>The recogniser's own end-of-speech signal; one of the turn's endpoint triggers.</summary>
        void OnEndOfSpeech();
    }
}
