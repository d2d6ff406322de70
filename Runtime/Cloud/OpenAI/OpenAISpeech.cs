using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Threading;
using global::OpenAI.Audio;
using VoiceNpc.Audio;
using VoiceNpc.Characters;
using VoiceNpc.Tts;

namespace VoiceNpc.Providers.OpenAI
{
    /// <summary>
    /// OpenAI speech as a voice: PCM output (24 kHz, 16-bit) resampled to the pipeline's 16 kHz. The service gives no
    /// alignment, so subtitle words are estimated (each word's share of the audio in proportion to its letters).
    /// </summary>
    public sealed class OpenAISpeech : ITextToSpeech
    {
        private const int ServiceRate = 24000;
        private readonly OpenAIConnection _connection;
        private readonly AudioClient _audio;

        public OpenAISpeech(OpenAIAudioOptions options)
        {
            _connection = new OpenAIConnection(options.BaseUrl, options.Key, options.StallTimeout, options.Resilience);
            _audio = new AudioClient(options.SpeechModel, _connection.Credential, _connection.Options);
        }

        public string Name => OpenAIConnection.ProviderName;

        public async IAsyncEnumerable<SpeechChunk> SynthesizeAsync(string text, VoiceSettings voice, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            var settings = new SpeechGenerationOptions { ResponseFormat = GeneratedSpeechFormat.Pcm, SpeedRatio = voice.Rate };
            BinaryData audio;
            try
            {
                audio = await _connection.Pipeline.ExecuteAsync(
                    async token => (await _audio.GenerateSpeechAsync(text, new GeneratedSpeechVoice(voice.Voice), settings, token).ConfigureAwait(false)).Value,
                    cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested) { throw _connection.Failure(e); }
            var pcm = ToPipeline(audio.ToMemory());
            if (pcm.Length == 0) throw _connection.Failure(new ProviderException(Name, "the speech was empty"));
            yield return new SpeechChunk(pcm, EstimatedWords(text, AudioFormat.DurationOf(pcm.Length)), Array.Empty<PhoneTiming>());
        }

        /// <summary>24 kHz 16-bit little-endian PCM to the pipeline's 16 kHz.</summary>
        private static short[] ToPipeline(ReadOnlyMemory<byte> bytes)
        {
            var samples = MemoryMarshal.Cast<byte, short>(bytes.Span.Slice(0, bytes.Length & ~1));
            return Resampler.Resample(samples, ServiceRate, AudioFormat.SampleRate);
        }

        private static IReadOnlyList<WordTiming> EstimatedWords(string text, TimeSpan duration)
        {
            var words = text.Split(new[] { ' ' }, StringSplitOptions.RemoveEmptyEntries);
            int letters = 0;
            foreach (var w in words) letters += w.Length + 1;
            var timings = new List<WordTiming>();
            double at = 0;
            foreach (var w in words)
            {
                double length = duration.TotalSeconds * (w.Length + 1) / Math.Max(1, letters);
                timings.Add(new WordTiming(w, TimeSpan.FromSeconds(at), TimeSpan.FromSeconds(at + length)));
                at += length;
            }
            return timings;
        }

        public void Dispose() { }
    }
}
