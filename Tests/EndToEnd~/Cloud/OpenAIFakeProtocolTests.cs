using System;
using System.ClientModel;
using System.ClientModel.Primitives;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using NUnit.Framework;
using OpenAI;
using OpenAI.Audio;
using OpenAI.Chat;
using OpenAI.Models;
using VoiceNpc.FakeCloud;
using VoiceNpc.Tests.Support;

namespace VoiceNpc.Tests.EndToEnd.Cloud
{
    /// <summary>The OpenAI fake as a developer's own client calls it: the official .NET SDK, and raw requests shaped as the SDKs send them.</summary>
    public class OpenAIFakeProtocolTests
    {
        private FakeOpenAI _fake = null!;
        private HttpClient _http = null!;

        [SetUp]
        public async Task Start()
        {
            _fake = await FakeOpenAI.StartAsync();
            _http = new HttpClient { BaseAddress = new Uri(_fake.BaseUrl + "/") };
            _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _fake.Key);
        }

        [TearDown]
        public async Task Stop()
        {
            _http.Dispose();
            await _fake.DisposeAsync();
        }

        private OpenAIClientOptions Options => new OpenAIClientOptions { Endpoint = new Uri(_fake.BaseUrl), RetryPolicy = new ClientRetryPolicy(maxRetries: 0) };

        private static byte[] PlayerLine => File.ReadAllBytes(RepoPaths.PlayerLine("04-how-much-is-a-shield.wav"));

        [Test]
        public async Task ANonStreamingChatIsOneCompletionObject()
        {
            var chat = new ChatClient("gpt-4o-mini", new ApiKeyCredential(_fake.Key), Options);
            ChatCompletion completion = await chat.CompleteChatAsync(new ChatMessage[] { new SystemChatMessage("You are Brenna."), new UserChatMessage("what do you sell") });
            Assert.That(completion.Content.Single().Text, Is.EqualTo("Aye, you asked about what do you sell. Let me think on that."));
            Assert.That(completion.Role, Is.EqualTo(ChatMessageRole.Assistant));
            Assert.That(completion.FinishReason, Is.EqualTo(ChatFinishReason.Stop));
            Assert.That(completion.Id, Does.StartWith("chatcmpl-"));
            Assert.That(completion.Model, Is.EqualTo("gpt-4o-mini"));
            Assert.That(completion.Usage.TotalTokenCount, Is.EqualTo(completion.Usage.InputTokenCount + completion.Usage.OutputTokenCount).And.GreaterThan(0));
            Assert.That(_fake.Bodies.Single().RootElement.TryGetProperty("stream", out _), Is.False, "the SDK sends no stream key for a whole completion");

            var raw = await _http.PostAsJsonAsync("chat/completions", new { model = "gpt-4o-mini", stream = false, messages = new[] { new { role = "user", content = "hello" } } });
            Assert.That(raw.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/json"));
            var body = JsonDocument.Parse(await raw.Content.ReadAsStringAsync()).RootElement;
            Assert.That(body.GetProperty("object").GetString(), Is.EqualTo("chat.completion"));
            Assert.That(body.GetProperty("created").GetInt64(), Is.GreaterThan(0));
            var choice = body.GetProperty("choices")[0];
            Assert.That((choice.GetProperty("index").GetInt32(), choice.GetProperty("message").GetProperty("role").GetString(), choice.GetProperty("finish_reason").GetString()),
                Is.EqualTo((0, "assistant", "stop")));
        }

        [Test]
        public void AWholeCompletionFailsAsTheKnobsSay()
        {
            var chat = new ChatClient("gpt-4o-mini", new ApiKeyCredential(_fake.Key), Options);
            _fake.Knobs.DisconnectAfterChunks = 0;
            Assert.That(Assert.CatchAsync(() => chat.CompleteChatAsync(new UserChatMessage("hello"))), Is.InstanceOf<ClientResultException>().Or.InstanceOf<IOException>(), "dropped");
            _fake.Knobs.DisconnectAfterChunks = null;
            _fake.Knobs.MalformedAfterChunks = 0;
            Assert.That(Assert.CatchAsync(() => chat.CompleteChatAsync(new UserChatMessage("hello"))), Is.InstanceOf<JsonException>(), "cut short");
        }

        [Test]
        public async Task AStreamCarriesTheUsageChunkOnlyWhenAskedFor()
        {
            async Task<string[]> Events(object request)
            {
                var response = await _http.PostAsJsonAsync("chat/completions", request);
                Assert.That(response.Content.Headers.ContentType!.MediaType, Is.EqualTo("text/event-stream"));
                string text = await response.Content.ReadAsStringAsync();
                return text.Split("\n\n", StringSplitOptions.RemoveEmptyEntries).Select(e => e.Substring("data: ".Length)).ToArray();
            }
            var messages = new[] { new { role = "user", content = "hello" } };
            var plain = await Events(new { model = "gpt-4o-mini", stream = true, messages });
            Assert.That(plain.Last(), Is.EqualTo("[DONE]"));
            var chunks = plain.SkipLast(1).Select(e => JsonDocument.Parse(e).RootElement).ToList();
            Assert.That(chunks.All(c => c.GetProperty("choices").GetArrayLength() == 1), Is.True, "no usage chunk unless include_usage");
            Assert.That(chunks.Last().GetProperty("choices")[0].GetProperty("finish_reason").GetString(), Is.EqualTo("stop"));

            var counted = await Events(new { model = "gpt-4o-mini", stream = true, stream_options = new { include_usage = true }, messages });
            var usage = JsonDocument.Parse(counted[^2]).RootElement;
            Assert.That(usage.GetProperty("choices").GetArrayLength(), Is.Zero);
            Assert.That(usage.GetProperty("usage").GetProperty("total_tokens").GetInt32(), Is.GreaterThan(0));
        }

        [TestCase("{\"model\":\"gpt-4o-mini\"}", "messages")]
        [TestCase("{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}", "model")]
        [TestCase("[1,2]", "JSON object")]
        [TestCase("{\"model\":", "parse the JSON")]
        public async Task AMalformedChatRequestIsTheServicesErrorEnvelope(string json, string named)
        {
            var response = await _http.PostAsync("chat/completions", new StringContent(json, Encoding.UTF8, "application/json"));
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("error");
            Assert.That(error.GetProperty("type").GetString(), Is.EqualTo("invalid_request_error"));
            Assert.That(error.GetProperty("message").GetString(), Does.Contain(named));
        }

        [Test]
        public async Task AVerboseTranscriptionHasTheDurationSegmentsAndWordsTheSdkReads()
        {
            var audio = new AudioClient("whisper-1", new ApiKeyCredential(_fake.Key), Options);
            var options = new AudioTranscriptionOptions
            {
                ResponseFormat = AudioTranscriptionFormat.Verbose, TimestampGranularities = AudioTimestampGranularities.Word | AudioTimestampGranularities.Segment,
            };
            AudioTranscription transcription = await audio.TranscribeAudioAsync(new MemoryStream(PlayerLine), "line.wav", options);
            Assert.That(transcription.Text, Is.EqualTo("how much is a shield"));
            Assert.That(transcription.Language, Is.EqualTo("english"));
            Assert.That(transcription.Duration!.Value.TotalSeconds, Is.GreaterThan(0.5));
            Assert.That(transcription.Words.Select(w => w.Word), Is.EqualTo(new[] { "how", "much", "is", "a", "shield" }));
            Assert.That(transcription.Words.Last().EndTime, Is.EqualTo(transcription.Duration.Value).Within(TimeSpan.FromMilliseconds(1)));
            Assert.That(transcription.Segments.Single().Text, Does.Contain("how much is a shield"));
        }

        [TestCase("json", "application/json", "{\"text\":\"how much is a shield\"}")]
        [TestCase("text", "text/plain", "how much is a shield\n")]
        [TestCase("srt", "text/plain", "1\n00:00:00,000 --> 00:00:0")]
        [TestCase("vtt", "text/plain", "WEBVTT\n\n00:00:00.000 --> 00:00:0")]
        public async Task ATranscriptionAnswersInTheFormatAskedFor(string format, string type, string start)
        {
            var response = await TranscribeAsync("whisper-1", format);
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(response.Content.Headers.ContentType!.MediaType, Is.EqualTo(type));
            Assert.That(await response.Content.ReadAsStringAsync(), Does.StartWith(start));
        }

        [Test]
        public async Task AGpt4oTranscriptionModelRefusesTheTimedFormatsAsTheServiceDoes()
        {
            var response = await TranscribeAsync("gpt-4o-mini-transcribe", "verbose_json");
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("error");
            Assert.That(error.GetProperty("param").GetString(), Is.EqualTo("response_format"));
            Assert.That(error.GetProperty("message").GetString(), Does.Contain("not compatible with model 'gpt-4o-mini-transcribe'"));
        }

        /// <summary>The multipart shape of the .NET SDK: a file part without a Content-Type, text parts.</summary>
        private Task<HttpResponseMessage> TranscribeAsync(string model, string format)
        {
            var form = new MultipartFormDataContent();
            var file = new ByteArrayContent(PlayerLine);
            form.Add(file, "file", "line.wav");
            form.Add(new StringContent(model), "model");
            form.Add(new StringContent(format), "response_format");
            return _http.PostAsync("audio/transcriptions", form);
        }

        [Test]
        public async Task SpeechComesAsPcmOrWavAndAFormatTheFakeCannotEncodeIsAServiceError()
        {
            var audio = new AudioClient("gpt-4o-mini-tts", new ApiKeyCredential(_fake.Key), Options);
            BinaryData pcm = await audio.GenerateSpeechAsync("Well met, traveller.", GeneratedSpeechVoice.Alloy, new SpeechGenerationOptions { ResponseFormat = GeneratedSpeechFormat.Pcm });
            BinaryData wav = await audio.GenerateSpeechAsync("Well met, traveller.", GeneratedSpeechVoice.Alloy, new SpeechGenerationOptions { ResponseFormat = GeneratedSpeechFormat.Wav });
            var header = wav.ToArray();
            Assert.That(Encoding.ASCII.GetString(header, 0, 4) + Encoding.ASCII.GetString(header, 8, 8), Is.EqualTo("RIFFWAVEfmt "));
            Assert.That((BitConverter.ToInt16(header, 22), BitConverter.ToInt32(header, 24), BitConverter.ToInt16(header, 34)), Is.EqualTo(((short)1, 24000, (short)16)));
            Assert.That(header.Skip(44), Is.EqualTo(pcm.ToArray()), "the WAV holds the same 24 kHz samples as pcm");
            Assert.That(pcm.ToArray().Length / 2 / 24000.0, Is.GreaterThan(0.6).And.LessThan(3), "seconds of speech");

            var mp3 = Assert.ThrowsAsync<ClientResultException>(() => audio.GenerateSpeechAsync("Well met.", GeneratedSpeechVoice.Alloy));
            Assert.That(mp3!.Status, Is.EqualTo(400));
            Assert.That(mp3.Message, Does.Contain("'pcm' and 'wav'").And.Contain("mp3"));
            var tooFast = Assert.ThrowsAsync<ClientResultException>(() => audio.GenerateSpeechAsync("Well met.", GeneratedSpeechVoice.Alloy, new SpeechGenerationOptions { ResponseFormat = GeneratedSpeechFormat.Pcm, SpeedRatio = 5 }));
            Assert.That(tooFast!.Message, Does.Contain("'speed'"));
        }

        [Test]
        public async Task ModelsAreListedAndAnUnknownOneIsNotFound()
        {
            var models = new OpenAIModelClient(new ApiKeyCredential(_fake.Key), Options);
            OpenAIModelCollection all = await models.GetModelsAsync();
            Assert.That(all.Select(m => m.Id), Does.Contain("gpt-4o-mini").And.Contain("gpt-4o-mini-transcribe").And.Contain("gpt-4o-mini-tts"));
            OpenAIModel one = await models.GetModelAsync("gpt-4o-mini");
            Assert.That((one.Id, one.OwnedBy), Is.EqualTo(("gpt-4o-mini", "system")));
            var missing = Assert.ThrowsAsync<ClientResultException>(() => models.GetModelAsync("gpt-nonexistent"));
            Assert.That(missing!.Status, Is.EqualTo(404));
            Assert.That(missing.Message, Does.Contain("model_not_found"));
        }
    }
}
