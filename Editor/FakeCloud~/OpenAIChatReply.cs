using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;

namespace VoiceNpc.FakeCloud
{
    /// <summary>
    /// One Chat Completions answer in the service's two shapes: a whole <c>chat.completion</c> object (no
    /// <c>stream</c>, or false) and the <c>chat.completion.chunk</c> events of a stream (role chunk, a chunk per word,
    /// finish chunk, and the usage chunk when <c>stream_options.include_usage</c> asks for it). Token counts use
    /// OpenAI's rule of thumb of four characters a token (the fake has no tokenizer).
    /// </summary>
    internal sealed class OpenAIChatReply
    {
        private readonly string _id = "chatcmpl-" + Guid.NewGuid().ToString("N").Substring(0, 24);

        public string Id => _id;
        private readonly long _created = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        private readonly string _model, _text;
        private readonly int _promptTokens;

        public OpenAIChatReply(string model, string text, IEnumerable<string> prompt)
        {
            _model = model;
            _text = text;
            _promptTokens = prompt.Sum(Tokens);
        }

        private int CompletionTokens => Tokens(_text);

        public static int Tokens(string text) => Math.Max(1, (text.Length + 3) / 4);

        public string Completion() => JsonSerializer.Serialize(new
        {
            id = _id, @object = "chat.completion", created = _created, model = _model, system_fingerprint = "fp_fake",
            choices = new[]
            {
                new
                {
                    index = 0, message = new { role = "assistant", content = _text, refusal = (string?)null, annotations = Array.Empty<object>() },
                    logprobs = (object?)null, finish_reason = "stop",
                },
            },
            usage = Usage(), service_tier = "default",
        });

        public List<string> Chunks(bool includeUsage)
        {
            var chunks = new List<string> { Chunk(new { role = "assistant", content = "" }, null) };
            chunks.AddRange(Words().Select(word => Chunk(new { content = word }, null)));
            chunks.Add(Chunk(new { }, "stop"));
            if (includeUsage)
                chunks.Add(JsonSerializer.Serialize(new
                {
                    id = _id, @object = "chat.completion.chunk", created = _created, model = _model, system_fingerprint = "fp_fake",
                    choices = Array.Empty<object>(), usage = Usage(),
                }));
            return chunks;
        }

        private string Chunk(object delta, string? finish) => JsonSerializer.Serialize(new
        {
            id = _id, @object = "chat.completion.chunk", created = _created, model = _model, system_fingerprint = "fp_fake",
            choices = new[] { new { index = 0, delta, logprobs = (object?)null, finish_reason = finish } },
            usage = (object?)null,
        });

        private object Usage() => new
        {
            prompt_tokens = _promptTokens, completion_tokens = CompletionTokens, total_tokens = _promptTokens + CompletionTokens,
            prompt_tokens_details = new { cached_tokens = 0, audio_tokens = 0 },
            completion_tokens_details = new { reasoning_tokens = 0, audio_tokens = 0, accepted_prediction_tokens = 0, rejected_prediction_tokens = 0 },
        };

        private IEnumerable<string> Words()
        {
            var words = _text.Split(' ');
            for (int i = 0; i < words.Length; i++) yield return i == 0 ? words[i] : " " + words[i];
        }
    }
}
