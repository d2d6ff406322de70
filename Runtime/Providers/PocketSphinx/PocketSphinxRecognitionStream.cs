using System;
using System.Threading;
using System.Threading.Tasks;
using VoiceNpc.Stt;

namespace VoiceNpc.Providers.PocketSphinx
{
    /// <summary>
    /// One utterance on the shared decoder. Decoding is CPU work done inside WriteAsync on the
    /// caller's (STT worker's) thread; a partial hypothesis is read only every interim interval.
    /// </summary>
    internal sealed class PocketSphinxRecognitionStream : ISpeechRecognitionStream
    {
        private readonly PocketSphinxDecoder _decoder;
        private readonly ISpeechRecognitionEvents _events;
        private readonly long _interimSamples;
        private readonly Action<PocketSphinxRecognitionStream> _closed;
        private long _samplesSinceInterim;
        private string _lastInterim = string.Empty;
        private bool _heardSpeech;
        private bool _endOfSpeechRaised;
        private bool _finished;

        public PocketSphinxRecognitionStream(PocketSphinxDecoder decoder, ISpeechRecognitionEvents events, long interimSamples, Action<PocketSphinxRecognitionStream> closed)
        {
            _decoder = decoder;
            _events = events;
            _interimSamples = Math.Max(1, interimSamples);
            _closed = closed;
        }

        public ValueTask WriteAsync(ReadOnlyMemory<short> pcm, CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            ThrowIfFinished();
            if (pcm.IsEmpty)
            {
                return default;
            }

            bool inSpeech = _decoder.Process(pcm.Span);
            RaiseEndOfSpeech(inSpeech);
            _samplesSinceInterim += pcm.Length;
            if (_samplesSinceInterim >= _interimSamples)
            {
                _samplesSinceInterim = 0;
                RaiseInterim();
            }

            return default;
        }

        public Task<Transcript> FinalizeAsync(CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            ThrowIfFinished();
            _finished = true;
            try
            {
                return Task.FromResult(_decoder.EndUtterance());
            }
            finally
            {
                _closed(this);
            }
        }

        public void Dispose()
        {
            if (_finished)
            {
                return;
            }

            // An abandoned utterance still has to end, or the decoder cannot start the next one.
            _finished = true;
            try
            {
                _decoder.EndUtterance();
            }
            catch (ObjectDisposedException)
            {
                // The recogniser went first; nothing is left to end.
            }
            finally
            {
                _closed(this);
            }
        }

        private void RaiseInterim()
        {
            var hypothesis = _decoder.Hypothesis();
            if (hypothesis.Length == 0 || hypothesis == _lastInterim)
            {
                return;
            }

            _lastInterim = hypothesis;
            _events.OnInterim(new Transcript(hypothesis, Array.Empty<RecognizedWord>(), IsFinal: false));
        }

        /// <summary>PocketSphinx's voice-activity detector going quiet after speech is its end-of-speech signal.</summary>
        private void RaiseEndOfSpeech(bool inSpeech)
        {
            if (inSpeech)
            {
                _heardSpeech = true;
            }
            else if (_heardSpeech && !_endOfSpeechRaised)
            {
                _endOfSpeechRaised = true;
                _events.OnEndOfSpeech();
            }
        }

        private void ThrowIfFinished()
        {
            if (_finished)
            {
                throw new InvalidOperationException("The utterance has already been finalized or disposed.");
            }
        }
    }
}
