using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using global::OpenAI.Audio;
using VoiceNpc.Audio;
using VoiceNpc.Stt;

namespace VoiceNpc.Providers.OpenAI
{
    /// <summary>
    /// OpenAI transcription as a recogniser: buffers the utterance and uploads it as WAV when the turn ends (no
    /// interim results, no end-of-speech signal: the pipeline's VAD ends the turn). The character's phrases go in as
    /// the prompt, which biases the model toward them.
    /// </summary>
    public sealed class OpenAITranscription : ISpeechToText
    {
        private readonly OpenAIConnection _connection;
        private readonly AudioClient _audio;
        private readonly OpenAIAudioOptions _options;
        private string _prompt = "";

        public OpenAITranscription(OpenAIAudioOptions options)
        {
            _options = options;
            _connection = new OpenAIConnection(options.BaseUrl, options.Key, options.StallTimeout, options.Resilience);
            _audio = new AudioClient(options.TranscriptionModel, _connection.Credential, _connection.Options);
        }

        public string Name => OpenAIConnection.ProviderName;

        public Task PrepareAsync(RecognitionContext context, CancellationToken cancellationToken)
        {
            _prompt = string.Join(", ", context.Phrases.Concat(context.Vocabulary).Distinct().Take(60));
            return Task.CompletedTask;
        }

        public Task<ISpeechRecognitionStream> StartAsync(ISpeechRecognitionEvents events, CancellationToken cancellationToken) =>
            Task.FromResult<ISpeechRecognitionStream>(new BufferedUtterance(TranscribeAsync));

        internal async Task<Transcript> TranscribeAsync(short[] pcm, CancellationToken cancellationToken)
        {
            if (pcm.Length == 0) return Transcript.Empty;
            var wav = WavFile.Encode(pcm);
            var settings = new AudioTranscriptionOptions { Language = _options.Language, Prompt = _prompt, ResponseFormat = AudioTranscriptionFormat.Simple };
            try
            {
                var result = await _connection.Pipeline.ExecuteAsync(
                    async token => await _audio.TranscribeAudioAsync(new MemoryStream(wav), "utterance.wav", settings, token).ConfigureAwait(false),
                    cancellationToken).ConfigureAwait(false);
                return new Transcript(result.Value.Text.Trim(), Array.Empty<RecognizedWord>(), true);
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested) { throw _connection.Failure(e); }
        }

        public void Dispose() { }
    }
}
