using System;
using System.ClientModel;
using System.ClientModel.Primitives;
using global::OpenAI;
using Polly;
using VoiceNpc.Providers.Cloud;

namespace VoiceNpc.Providers.OpenAI
{
    /// <summary>
    /// What the OpenAI brain, recogniser and voice share: the key and endpoint (<see cref="CloudAccess"/>: the given
    /// ones, else OPENAI_API_KEY to where it is bound; http only to loopback), the SDK's options with its own retries off, our Polly
    /// pipeline, and turning SDK errors into <see cref="ProviderException"/>s that never contain the key.
    /// </summary>
    internal sealed class OpenAIConnection
    {
        public const string ProviderName = "openai";

        public OpenAIConnection(string? baseUrl, CloudKey? key, TimeSpan stallTimeout, ResilienceSettings resilience)
        {
            var access = CloudAccess.ForOptions(ProviderName, CloudService.OpenAI, baseUrl, key);
            Key = access.Key;
            Credential = new ApiKeyCredential(Key.Value);
            Options = new OpenAIClientOptions
            {
                Endpoint = access.Endpoint,
                RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
                NetworkTimeout = stallTimeout,
            };
            _pipeline = new CloudPipeline(resilience);
        }

        private readonly CloudPipeline _pipeline;

        public CloudKey Key { get; }
        public ApiKeyCredential Credential { get; }
        public OpenAIClientOptions Options { get; }
        public ResiliencePipeline Pipeline => _pipeline.Pipeline;

        /// <summary>A stream that failed after it started answering counts toward opening the circuit.</summary>
        public void CountFailure() => _pipeline.CountFailure();

        public ProviderException Failure(Exception e)
        {
            string what = e switch
            {
                ClientResultException c when c.Status == 0 => "no response: " + c.Message,
                ClientResultException c => $"HTTP {c.Status}: {VendorError(c)}",
                OperationCanceledException _ => "the reply stalled",
                _ => CloudFailure.Describe(ProviderName, e),
            };
            return CloudFailure.Wrap(ProviderName, Key, what);
        }

        /// <summary>"type/code: message" from OpenAI's {"error":{…}} body, else the raw body (cut short).</summary>
        private static string VendorError(ClientResultException e)
        {
            var body = e.GetRawResponse()?.Content?.ToString();
            if (string.IsNullOrEmpty(body)) return e.Message;
            try
            {
                using var json = System.Text.Json.JsonDocument.Parse(body!);
                var error = json.RootElement.GetProperty("error");
                string Field(string name) => error.TryGetProperty(name, out var v) && v.ValueKind == System.Text.Json.JsonValueKind.String ? v.GetString()! : "";
                return $"{Field("type")}/{Field("code")}: {Field("message")}";
            }
            catch (Exception) { return body!.Length > 300 ? body.Substring(0, 300) : body; }
        }
    }
}
