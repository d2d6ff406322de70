using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Polly;
using VoiceNpc.Providers.Cloud;
using VoiceNpc.Stt;

namespace VoiceNpc.Providers.Deepgram
{
    /// <summary>
    /// Deepgram live speech-to-text over its WebSocket protocol (no SDK): one socket per utterance, linear16 at
    /// 16 kHz, interim results, endpointing, utterance end, VAD events, smart format and the character's words as
    /// key terms. Finalize when our turn detection ends the turn; CloseStream after. A socket that drops mid-utterance
    /// is reopened (jittered backoff) and the utterance's audio is sent again from its start, so no word is lost and
    /// word times stay relative to the utterance; a socket that dies right after every handshake gives up.
    /// </summary>
    public sealed class DeepgramLiveStt : ISpeechToText
    {
        public const string ProviderName = "deepgram";
        private readonly DeepgramOptions _options;
        private readonly CloudKey _key;
        private readonly Uri _base;
        private readonly ResiliencePipeline _pipeline;
        private readonly Random _jitter = new Random();
        private IReadOnlyList<string> _keyterms = Array.Empty<string>();

        public DeepgramLiveStt(DeepgramOptions options)
        {
            _options = options;
            var access = CloudAccess.ForOptions(ProviderName, CloudService.Deepgram, options.BaseUrl, options.Key);
            _key = access.Key;
            _base = access.Endpoint;
            _pipeline = CloudResilience.Create(options.Resilience);
        }

        public string Name => ProviderName;

        internal DeepgramOptions Options => _options;

        public Task PrepareAsync(RecognitionContext context, CancellationToken cancellationToken)
        {
            _keyterms = context.Vocabulary.Concat(context.Phrases).Distinct().Take(50).ToList();
            return Task.CompletedTask;
        }

        public Task<ISpeechRecognitionStream> StartAsync(ISpeechRecognitionEvents events, CancellationToken cancellationToken) =>
            Task.FromResult<ISpeechRecognitionStream>(new DeepgramUtterance(this, events));

        /// <summary>The live URL with every option as a query parameter (ws/wss from the base URL's scheme).</summary>
        internal Uri ListenUri()
        {
            var query = new StringBuilder($"model={Uri.EscapeDataString(_options.Model)}&language={Uri.EscapeDataString(_options.Language)}");
            query.Append("&encoding=linear16&sample_rate=16000&channels=1&interim_results=true");
            query.Append($"&endpointing={_options.EndpointingMs}&utterance_end_ms={_options.UtteranceEndMs}&vad_events=true");
            query.Append($"&smart_format={(_options.SmartFormat ? "true" : "false")}&punctuate=true");
            foreach (var term in _keyterms) query.Append("&keyterm=").Append(Uri.EscapeDataString(term));
            return CloudSocket.Address(_base, "/v1/listen", query.ToString());
        }

        /// <summary>Opens a socket under the resilience pipeline; a refused handshake that retrying cannot fix fails at once.</summary>
        internal async Task<DeepgramConnection> ConnectAsync(ISpeechRecognitionEvents events, CancellationToken cancellationToken)
        {
            var uri = ListenUri();
            try
            {
                return await _pipeline.ExecuteAsync(async token =>
                {
                    var socket = await CloudSocket.ConnectAsync(uri, new[] { new KeyValuePair<string, string>("Authorization", "Token " + _key.Value) }, token).ConfigureAwait(false);
                    return new DeepgramConnection(socket, events, _options.KeepAliveInterval);
                }, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested) { throw Failure(e); }
        }

        internal TimeSpan ReconnectDelay(int attempt)
        {
            double ms = Math.Min(1000, _options.ReconnectDelay.TotalMilliseconds * Math.Pow(2, attempt));
            lock (_jitter) return TimeSpan.FromMilliseconds(ms * (0.5 + _jitter.NextDouble() / 2));
        }

        internal ProviderException Failure(Exception e) =>
            CloudFailure.Wrap(ProviderName, _key, CloudFailure.Describe(ProviderName, e, timeout: "no connection in time"));

        public void Dispose() { }
    }
}
