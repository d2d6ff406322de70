using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading;
using NUnit.Framework;
using VoiceNpc.Brain;
using VoiceNpc.Characters;
using VoiceNpc.Providers;
using VoiceNpc.Providers.Cloud;
using VoiceNpc.Providers.OpenAI;
using VoiceNpc.Tests.Fuzzing.Harness;
using VoiceNpc.Tests.Support;

namespace VoiceNpc.Tests.Fuzzing
{
    /// <summary>
    /// The OpenAI brain (<see cref="OpenAIChatBrain"/>, the official SDK parsing the SSE stream, our code the finish and
    /// the error bodies) against a loopback server answering each request with a fuzzed response: the reply streams,
    /// or the brain fails with a <see cref="ProviderException"/> (so the chain falls back), never another exception.
    /// An input is "STATUS CONTENT-TYPE\n" and the body (a first line that is not such a line: 200, SSE, all body).
    /// </summary>
    public class OpenAIFuzzTests : ICorpus
    {
        public string Parser => "openai-chat";
        public string Description => "OpenAI chat completion responses (OpenAIChatBrain over HTTP): a first line \"STATUS CONTENT-TYPE\", then the body (SSE or an error).";

        private const string Key = "sk-fuzz-0123456789abcdefghij";
        private static readonly ResilienceSettings OneAttempt = new ResilienceSettings
        {
            MaxRetries = 0, AttemptTimeout = TimeSpan.FromSeconds(10), TotalTimeout = TimeSpan.FromSeconds(15),
        };
        private CannedHttpServer _server = null!;
        private BrainRequest _request = null!;

        [SetUp]
        public void StartServer()
        {
            _server = new CannedHttpServer();
            _request = new BrainRequest(CharacterLoader.Load(RepoPaths.BlacksmithCharacter), "what do you sell", new List<DialogueTurn>());
        }

        [TearDown]
        public void StopServer() => _server.Dispose();

        [Test]
        public void EveryMutatedResponseStreamsOrFailsTheProvider()
        {
            var seeds = Corpus.Load(Parser);
            new FuzzRun(Parser, Reply, typeof(ProviderException))
                .Check(ByteMutator.Systematic(seeds.Where(s => s.Length < 200).ToList()).Take(300).Concat(seeds), random =>
                    random.Next(2) == 0 ? ByteMutator.Mutate(random, seeds) : JsonMutator.Mutate(random, seeds));
        }

        [Test]
        public void AValidStreamStillStreamsItsReply()
        {
            var valid = Entries().First(e => e.Name == "stream.http").Bytes;
            Assert.That(string.Concat(ReplyOf(valid)), Is.EqualTo("Swords, mostly."));
        }

        [Test]
        public void AStreamWithoutAFinishReasonIsAFailureNotAShortReply()
        {
            var cut = Entries().First(e => e.Name == "stream-no-finish.http").Bytes;
            Assert.Throws<ProviderException>(() => ReplyOf(cut));
        }

        private void Reply(byte[] input) => ReplyOf(input);

        private List<string> ReplyOf(byte[] input)
        {
            var (status, type, body) = Split(input);
            _server.Answer(status, type, body);
            using var brain = new OpenAIChatBrain(new OpenAIBrainOptions
            {
                BaseUrl = _server.BaseUrl, Key = CloudKey.FromValue(Key), Resilience = OneAttempt, StallTimeout = TimeSpan.FromSeconds(10),
            });
            var reply = brain.StreamReplyAsync(_request, CancellationToken.None).ToBlockingList();
            return reply;
        }

        private static (int Status, string ContentType, byte[] Body) Split(byte[] input)
        {
            int newline = Array.IndexOf(input, (byte)'\n');
            var first = newline < 0 ? Array.Empty<string>() : Encoding.ASCII.GetString(input, 0, newline).Split(' ');
            if (first.Length == 2 && int.TryParse(first[0], out int status) && status >= 200 && status <= 599 && first[1].All(c => c > ' ' && c < 127))
                return (status, first[1], input.Skip(newline + 1).ToArray());
            return (200, "text/event-stream", input);
        }

        public IEnumerable<CorpusEntry> Entries()
        {
            yield return Sse("stream.http", "a streamed reply of three deltas and a finish reason",
                Chunk("{\"role\":\"assistant\",\"content\":\"\"}", null), Chunk("{\"content\":\"Swords,\"}", null), Chunk("{\"content\":\" mostly.\"}", null),
                Chunk("{}", "\"stop\""), "[DONE]");
            yield return Sse("stream-no-finish.http", "deltas, then the stream ends without a finish reason (a failure, not a short reply)",
                Chunk("{\"content\":\"Swords,\"}", null));
            yield return Sse("stream-usage-chunk.http", "a finish, then a usage chunk with no choices",
                Chunk("{\"content\":\"Aye.\"}", "\"stop\""),
                "{\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"m\",\"choices\":[],\"usage\":{\"prompt_tokens\":1,\"completion_tokens\":1,\"total_tokens\":2}}",
                "[DONE]");
            yield return Sse("stream-bad-json.http", "a data line that is not JSON", "{\"choices\":[{\"delta\":{\"content\":\"Sw", "[DONE]");
            yield return Sse("stream-wrong-types.http", "choices, delta and content of the wrong JSON types",
                "{\"id\":5,\"choices\":{\"delta\":1}}", "{\"choices\":[{\"index\":\"0\",\"delta\":{\"content\":7},\"finish_reason\":3}]}", "[DONE]");
            yield return Sse("stream-lone-surrogate.http", "a delta whose content holds a lone surrogate escape", Chunk("{\"content\":\"\\ud800\"}", "\"stop\""), "[DONE]");
            yield return Sse("stream-done-only.http", "[DONE] with no chunk before it", "[DONE]");
            yield return Http("stream-not-sse.http", 200, "text/event-stream", "<html>a captive portal</html>", "HTML where the event stream belongs");
            yield return Http("completion-not-stream.http", 200, "application/json",
                "{\"id\":\"c\",\"object\":\"chat.completion\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"Aye.\"},\"finish_reason\":\"stop\"}]}",
                "a whole completion object where a stream was asked for");
            yield return Http("error-401.http", 401, "application/json",
                "{\"error\":{\"message\":\"Incorrect API key provided: sk-fuzz-0123456789abcdefghij\",\"type\":\"invalid_request_error\",\"code\":\"invalid_api_key\"}}",
                "a refused key whose message echoes it");
            yield return Http("error-429-string.http", 429, "application/json", "{\"error\":\"rate limited\"}", "an error that is a string, not an object");
            yield return Http("error-500-html.http", 500, "text/html", "<h1>Bad gateway</h1>", "an HTML error page");
            yield return Http("error-400-empty.http", 400, "application/json", "", "an error with an empty body");
            yield return Http("error-400-fields.http", 400, "application/json", "{\"error\":{\"message\":5,\"type\":null,\"code\":[\"x\"]}}", "error fields of the wrong JSON types");
        }

        private static string Chunk(string delta, string? finish) =>
            "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1700000000,\"model\":\"gpt-4o-mini\",\"choices\":[{\"index\":0,\"delta\":" + delta +
            ",\"logprobs\":null,\"finish_reason\":" + (finish ?? "null") + "}]}";

        private static CorpusEntry Sse(string name, string meaning, params string[] data) =>
            Http(name, 200, "text/event-stream", string.Concat(data.Select(d => "data: " + d + "\n\n")), meaning);

        private static CorpusEntry Http(string name, int status, string contentType, string body, string meaning) =>
            CorpusEntry.Text(name, $"{status} {contentType}\n{body}", meaning);
    }
}
