using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;
using Polly;
using VoiceNpc.Audio;
using VoiceNpc.Providers.Cloud;
using VoiceNpc.Stt;

namespace VoiceNpc.Providers.Deepgram
{
    /// <summary>
    /// Deepgram's pre-recorded endpoint as a buffered recogniser: the utterance is posted as WAV when the turn ends
    /// (POST /v1/listen) and the transcript and word times come back in one JSON. For recorded lines, or as a
    /// fallback when a live socket cannot be kept.
    /// </summary>
    public sealed class DeepgramPrerecorded : ISpeechToText
    {
        public const string ProviderName = "deepgram-prerecorded";
        private readonly DeepgramOptions _options;
        private readonly CloudKey _key;
        private readonly Uri _base;
        private readonly HttpClient _http = new HttpClient { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
        private readonly ResiliencePipeline _pipeline;
        private IReadOnlyList<string> _keyterms = Array.Empty<string>();

        public DeepgramPrerecorded(DeepgramOptions options)
        {
            _options = options;
            var access = CloudAccess.ForOptions(ProviderName, CloudService.Deepgram, options.BaseUrl, options.Key);
            _key = access.Key;
            var configured = access.Endpoint;
            _base = new UriBuilder(configured) { Scheme = configured.Scheme == "wss" ? "https" : configured.Scheme == "ws" ? "http" : configured.Scheme, Port = configured.IsDefaultPort ? -1 : configured.Port }.Uri;
            _pipeline = CloudResilience.Create(options.Resilience);
        }

        public string Name => ProviderName;

        public Task PrepareAsync(RecognitionContext context, CancellationToken cancellationToken)
        {
            _keyterms = context.Vocabulary.Concat(context.Phrases).Distinct().Take(50).ToList();
            return Task.CompletedTask;
        }

        public Task<ISpeechRecognitionStream> StartAsync(ISpeechRecognitionEvents events, CancellationToken cancellationToken) =>
            Task.FromResult<ISpeechRecognitionStream>(new BufferedUtterance(TranscribeAsync));

        /// <summary>Transcribes pipeline audio in one request.</summary>
        public async Task<Transcript> TranscribeAsync(short[] pcm, CancellationToken cancellationToken)
        {
            if (pcm.Length == 0) return Transcript.Empty;
            var wav = WavFile.Encode(pcm);
            var query = $"model={Uri.EscapeDataString(_options.Model)}&language={Uri.EscapeDataString(_options.Language)}&smart_format={(_options.SmartFormat ? "true" : "false")}&punctuate=true"
                        + string.Concat(_keyterms.Select(t => "&keyterm=" + Uri.EscapeDataString(t)));
            var uri = new UriBuilder(_base) { Path = "/v1/listen", Query = query }.Uri;
            try
            {
                string body = await _pipeline.ExecuteAsync(async token =>
                {
                    using var request = new HttpRequestMessage(HttpMethod.Post, uri) { Content = new ByteArrayContent(wav) };
                    request.Content.Headers.ContentType = new MediaTypeHeaderValue("audio/wav");
                    request.Headers.TryAddWithoutValidation("Authorization", "Token " + _key.Value);
                    using var response = await _http.SendAsync(request, token).ConfigureAwait(false);
                    string text = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
                    int status = (int)response.StatusCode;
                    if (!response.IsSuccessStatusCode)
                        throw new CloudStatusException(status, $"HTTP {status}: {(text.Length > 300 ? text.Substring(0, 300) : text)}", status == 408 || status == 429 || status >= 500);
                    return text;
                }, cancellationToken).ConfigureAwait(false);
                return Parse(body);
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
            {
                throw CloudFailure.Wrap(ProviderName, _key, CloudFailure.Describe(ProviderName, e));
            }
        }

        /// <summary>The first alternative of the first channel; a malformed response is a <see cref="ProviderException"/> naming the field.</summary>
        internal static Transcript Parse(string body)
        {
            using var json = VendorJson.Parse(ProviderName, "response", body);
            var alternative = VendorJson.Root(ProviderName, "response", json)["results"]["channels"][0]["alternatives"][0];
            var (transcript, words) = DeepgramMessage.Alternative(alternative);
            return new Transcript(transcript.Trim(), words, true);
        }

        public void Dispose() => _http.Dispose();
    }
}
