using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Polly;
using VoiceNpc.Audio;
using VoiceNpc.Characters;
using VoiceNpc.Providers.Cloud;
using VoiceNpc.Tts;

namespace VoiceNpc.Providers.ElevenLabs
{
    /// <summary>
    /// ElevenLabs text-to-speech at output_format pcm_16000 (the pipeline's format, no resampling), audio played as it
    /// arrives with subtitle words and visemes from the character alignment. A single line (filler, preview, bake) is
    /// one HTTP request, POST /v1/text-to-speech/{voice}/stream/with-timestamps, read as newline-delimited JSON; a
    /// reply being written by the LLM goes clause by clause over one stream-input WebSocket (<see cref="OpenStreamAsync"/>).
    /// </summary>
    public sealed class ElevenLabsSpeech : IStreamingInputSpeech
    {
        public const string ProviderName = "elevenlabs";
        private readonly ElevenLabsOptions _options;
        private readonly CloudKey _key;
        private readonly Uri _baseUrl;
        private readonly HttpClient _http;
        private readonly ResiliencePipeline _pipeline;

        public ElevenLabsSpeech(ElevenLabsOptions options)
        {
            _options = options;
            var access = CloudAccess.ForOptions(ProviderName, CloudService.ElevenLabs, options.BaseUrl, options.Key);
            _key = access.Key;
            _baseUrl = access.Endpoint;
            _http = new HttpClient { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
            _pipeline = CloudResilience.Create(options.Resilience);
        }

        public string Name => ProviderName;

        public async IAsyncEnumerable<SpeechChunk> SynthesizeAsync(string text, VoiceSettings voice, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            HttpResponseMessage response;
            try
            {
                response = await _pipeline.ExecuteAsync(async token => await SendAsync(text, voice, token).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested) { throw Failure(e); }
            using (response)
            {
                var body = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
                using var reader = new StreamReader(body, Encoding.UTF8);
                var lines = new BoundedLineReader(reader, CloudSocket.MaxMessageBytes, ProviderName);
                using var reading = cancellationToken.Register(() => response.Dispose());   // cancellation closes the socket
                using var stall = new CancellationTokenSource();
                using var stalling = stall.Token.Register(() => response.Dispose());
                var alignment = new CharacterAlignment();
                long samples = 0;
                while (true)
                {
                    string? line;
                    stall.CancelAfter(_options.StallTimeout);
                    try { line = await ReadLineAsync(lines, cancellationToken).ConfigureAwait(false); }
                    catch (Exception) when (cancellationToken.IsCancellationRequested) { throw new OperationCanceledException(cancellationToken); }
                    catch (Exception) when (stall.IsCancellationRequested) { throw Failure(new IOException($"no audio for {_options.StallTimeout.TotalSeconds:0.#} s: the stream stalled")); }
                    catch (Exception e) { throw Failure(e); }
                    stall.CancelAfter(System.Threading.Timeout.Infinite);   // a slow consumer is not a stalled service
                    if (line == null) break;
                    if (line.Trim().Length == 0) continue;
                    SpeechChunk chunk;
                    try { chunk = ElevenLabsFrames.StreamLine(line, alignment, AudioFormat.DurationOf(samples).TotalSeconds); }
                    catch (ProviderException e) { throw Failure(e); }
                    samples += chunk.Samples.Length;
                    if (chunk.Samples.Length > 0) yield return chunk;
                }
                var last = alignment.Finish(AudioFormat.DurationOf(samples).TotalSeconds);
                if (samples == 0) throw new ProviderException(Name, "the stream ended without audio");
                if (last.Count > 0) yield return new SpeechChunk(Array.Empty<short>(), last, Array.Empty<PhoneTiming>());
            }
        }

        /// <summary>
        /// A stream-input WebSocket for one reply (model, pcm_16000, sync_alignment; the key in the xi-api-key header;
        /// the voice settings and a 50-character chunk schedule in the first message), opened under the resilience pipeline.
        /// </summary>
        public async Task<ISpeechInputStream> OpenStreamAsync(VoiceSettings voice, CancellationToken cancellationToken)
        {
            var address = CloudSocket.Address(_baseUrl, $"/v1/text-to-speech/{Uri.EscapeDataString(voice.Voice)}/stream-input",
                $"model_id={Uri.EscapeDataString(_options.Model)}&output_format=pcm_16000&sync_alignment=true");
            try
            {
                return await _pipeline.ExecuteAsync(async token =>
                {
                    var socket = await CloudSocket.ConnectAsync(address, new[] { new KeyValuePair<string, string>("xi-api-key", _key.Value) }, token).ConfigureAwait(false);
                    var stream = new ElevenLabsInputStream(socket, _key, _options.StallTimeout);
                    try { await stream.InitializeAsync(Settings(voice), token).ConfigureAwait(false); }
                    catch
                    {
                        stream.Dispose();
                        throw;
                    }
                    return (ISpeechInputStream)stream;
                }, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested) { throw Failure(e); }
        }

        /// <summary>The account's voices (id, name), for the editor tooling.</summary>
        public async Task<IReadOnlyList<(string Id, string Name)>> ListVoicesAsync(CancellationToken cancellationToken)
        {
            try
            {
                return await _pipeline.ExecuteAsync(async token =>
                {
                    using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(_baseUrl, "/v1/voices"));
                    request.Headers.Add("xi-api-key", _key.Value);
                    using var response = await _http.SendAsync(request, token).ConfigureAwait(false);
                    string body = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
                    int status = (int)response.StatusCode;
                    if (!response.IsSuccessStatusCode) throw new CloudStatusException(status, $"HTTP {status}: {Detail(body)}", status >= 500 || status == 429);
                    using var json = VendorJson.Parse(ProviderName, "voice list", body);
                    return (IReadOnlyList<(string, string)>)VendorJson.Root(ProviderName, "voice list", json)["voices"].Items()
                        .Select(v => (v["voice_id"].String(), v.String("name", ""))).ToList();
                }, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested) { throw Failure(e); }
        }

        private async Task<HttpResponseMessage> SendAsync(string text, VoiceSettings voice, CancellationToken token)
        {
            var url = new Uri(_baseUrl, $"/v1/text-to-speech/{Uri.EscapeDataString(voice.Voice)}/stream/with-timestamps?output_format=pcm_16000");
            var content = new ByteArrayContent(ElevenLabsRequests.Speech(text, _options.Model, Settings(voice)));
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
            var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = content };
            request.Headers.Add("xi-api-key", _key.Value);
            var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, token).ConfigureAwait(false);
            if (response.IsSuccessStatusCode) return response;
            string error = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
            int status = (int)response.StatusCode;
            response.Dispose();
            throw new CloudStatusException(status, $"HTTP {status}: {Detail(error)}", transient: status == 408 || status >= 500 || (status == 429 && !error.Contains("quota")));
        }

        /// <summary>The voice settings of a request: the options' stability and similarity, the character's speed (0.7–1.2).</summary>
        private ElevenLabsVoiceSettings Settings(VoiceSettings voice) =>
            new ElevenLabsVoiceSettings(_options.Stability, _options.SimilarityBoost, Math.Max(0.7, Math.Min(1.2, voice.Rate)));

        /// <summary>"status: message" from ElevenLabs' {"detail":{"status","message"}} body.</summary>
        private static string Detail(string body)
        {
            try
            {
                using var json = JsonDocument.Parse(body);
                var detail = json.RootElement.GetProperty("detail");
                if (detail.ValueKind == JsonValueKind.Object)
                    return $"{detail.GetProperty("status").GetString()}: {detail.GetProperty("message").GetString()}";
                return detail.ToString();
            }
            catch (Exception) { return body.Length > 300 ? body.Substring(0, 300) : body; }
        }

        private static Task<string?> ReadLineAsync(BoundedLineReader lines, CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            return lines.ReadLineAsync();
        }

        private ProviderException Failure(Exception e)
        {
            string what = e switch
            {
                HttpRequestException h => "no response: " + h.Message,
                IOException io => "the audio stream broke: " + io.Message,
                System.Net.WebSockets.WebSocketException w => "no connection: " + w.Message,
                _ => CloudFailure.Describe(ProviderName, e),
            };
            return CloudFailure.Wrap(ProviderName, _key, what);
        }

        public void Dispose() => _http.Dispose();
    }
}
