using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using NUnit.Framework;
using VoiceNpc.FakeCloud;

namespace VoiceNpc.Tests.EndToEnd.Cloud
{
    /// <summary>
    /// The ElevenLabs fake as the official SDKs call its HTTP API (elevenlabs-python's raw client: POST with the
    /// xi-api-key header, a JSON body, output_format in the query): whole audio, streamed audio, with timestamps, the
    /// formats it can and cannot make, voices and models.
    /// </summary>
    public class ElevenLabsFakeProtocolTests
    {
        private const string Line = "Well met, traveller.";
        private FakeElevenLabs _fake = null!;
        private HttpClient _http = null!;
        private string Voice => FakeElevenLabs.Voices[0];

        [SetUp]
        public async Task Start()
        {
            _fake = await FakeElevenLabs.StartAsync();
            _http = new HttpClient { BaseAddress = new Uri(_fake.BaseUrl) };
            _http.DefaultRequestHeaders.Add("xi-api-key", _fake.Key);
        }

        [TearDown]
        public async Task Stop()
        {
            _http.Dispose();
            await _fake.DisposeAsync();
        }

        private Task<HttpResponseMessage> SpeakAsync(string path, string? format, object? body = null) =>
            _http.PostAsJsonAsync($"/v1/text-to-speech/{Voice}{path}{(format == null ? "" : "?output_format=" + format)}",
                body ?? new { text = Line, model_id = "eleven_flash_v2_5", voice_settings = new { stability = 0.5, similarity_boost = 0.75 } });

        private async Task<byte[]> AudioAsync(string path, string format)
        {
            var response = await SpeakAsync(path, format);
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
            return await response.Content.ReadAsByteArrayAsync();
        }

        [Test]
        public async Task TheWholeAudioTheStreamAndTheTimestampsCarryTheSameSpeech()
        {
            var whole = await AudioAsync("", "pcm_16000");
            Assert.That(whole.Length / 2 / 16000.0, Is.GreaterThan(0.6).And.LessThan(3), "seconds of speech");
            var stream = await SpeakAsync("/stream", "pcm_16000");
            Assert.That(stream.Headers.TransferEncodingChunked, Is.True, "chunked, as it is made");
            Assert.That(await stream.Content.ReadAsByteArrayAsync(), Is.EqualTo(whole));

            var timed = JsonDocument.Parse(await (await SpeakAsync("/with-timestamps", "pcm_16000")).Content.ReadAsStringAsync()).RootElement;
            Assert.That(Convert.FromBase64String(timed.GetProperty("audio_base64").GetString()!), Is.EqualTo(whole));
            var alignment = timed.GetProperty("alignment");
            Assert.That(string.Concat(alignment.GetProperty("characters").EnumerateArray().Select(c => c.GetString())), Is.EqualTo(Line));
            var starts = alignment.GetProperty("character_start_times_seconds").EnumerateArray().Select(t => t.GetDouble()).ToList();
            var ends = alignment.GetProperty("character_end_times_seconds").EnumerateArray().Select(t => t.GetDouble()).ToList();
            Assert.That((starts.Count, ends.Count), Is.EqualTo((Line.Length, Line.Length)));
            Assert.That(starts, Is.Ordered);
            Assert.That(ends.Last(), Is.EqualTo(whole.Length / 2 / 16000.0).Within(0.001));
            Assert.That(timed.TryGetProperty("normalized_alignment", out _), Is.True);

            var lines = (await (await SpeakAsync("/stream/with-timestamps", "pcm_16000")).Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.That(lines.Length, Is.GreaterThan(1));
            Assert.That(lines.SelectMany(l => Convert.FromBase64String(JsonDocument.Parse(l).RootElement.GetProperty("audio_base64").GetString()!)), Is.EqualTo(whole));
        }

        [Test]
        public void ACutConnectionLeavesTheWholeAudioShortOfItsLength()
        {
            _fake.Knobs.DisconnectAfterChunks = 1;
            Assert.That(Assert.CatchAsync(() => SpeakAsync("", "pcm_16000")), Is.InstanceOf<HttpRequestException>().Or.InstanceOf<System.IO.IOException>());
            _fake.Knobs.DisconnectAfterChunks = 0;   // the timestamps JSON is one piece
            Assert.That(Assert.CatchAsync(() => SpeakAsync("/with-timestamps", "pcm_16000")), Is.InstanceOf<HttpRequestException>().Or.InstanceOf<System.IO.IOException>());
        }

        [Test]
        public async Task WavAndMuLawAreTheSameSpeechAsPcmAtTheirRate()
        {
            var pcm = await AudioAsync("", "pcm_22050");
            var wav = await AudioAsync("/stream", "wav_22050");
            Assert.That(Encoding.ASCII.GetString(wav, 0, 4) + Encoding.ASCII.GetString(wav, 8, 4), Is.EqualTo("RIFFWAVE"));
            Assert.That((BitConverter.ToInt32(wav, 24), BitConverter.ToInt32(wav, 40)), Is.EqualTo((22050, pcm.Length)));
            Assert.That(wav.Skip(44), Is.EqualTo(pcm));

            var reference = await AudioAsync("", "pcm_8000");
            var ulaw = await AudioAsync("", "ulaw_8000");
            Assert.That(ulaw.Length, Is.EqualTo(reference.Length / 2), "one byte a sample");
            for (int i = 0; i < ulaw.Length; i++)
            {
                int expected = BitConverter.ToInt16(reference, i * 2), decoded = MuLawToLinear(ulaw[i]);
                Assert.That(decoded, Is.EqualTo(expected).Within(Math.Abs(expected) / 16 + 8), $"sample {i}");
            }
        }

        /// <summary>G.711 µ-law decoding (the inverse of the encoder under test, written from the standard).</summary>
        private static int MuLawToLinear(byte code)
        {
            int u = ~code & 0xFF, magnitude = (((u & 0x0F) << 3) + 0x84) << ((u & 0x70) >> 4);
            return (u & 0x80) != 0 ? 0x84 - magnitude : magnitude - 0x84;
        }

        [TestCase("mp3_44100_128")]
        [TestCase(null)]   // the service's default is mp3_44100_128
        [TestCase("opus_48000_64")]
        public async Task AFormatTheFakeCannotEncodeIsRefusedAsTheServiceRefusesAFormat(string? format)
        {
            var response = await SpeakAsync("", format);
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
            var detail = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("detail");
            Assert.That(detail.GetProperty("status").GetString(), Is.EqualTo("output_format_not_allowed"));
            Assert.That(detail.GetProperty("message").GetString(), Does.Contain(format ?? "mp3_44100_128").And.Contain("pcm_*"));
        }

        [Test]
        public async Task AMalformedRequestIsTheServicesValidationError()
        {
            var unknown = await SpeakAsync("/stream", "pcm_16001");
            Assert.That(unknown.StatusCode, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
            var where = JsonDocument.Parse(await unknown.Content.ReadAsStringAsync()).RootElement.GetProperty("detail")[0].GetProperty("loc");
            Assert.That(where.EnumerateArray().Select(p => p.GetString()), Is.EqualTo(new[] { "query", "output_format" }));

            var noText = await SpeakAsync("", "pcm_16000", new { model_id = "eleven_flash_v2_5" });
            Assert.That(noText.StatusCode, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
            var missing = JsonDocument.Parse(await noText.Content.ReadAsStringAsync()).RootElement.GetProperty("detail")[0];
            Assert.That(missing.GetProperty("loc").EnumerateArray().Select(p => p.GetString()), Is.EqualTo(new[] { "body", "text" }));
            Assert.That(missing.GetProperty("type").GetString(), Is.EqualTo("missing"));

            var unknownVoice = await _http.PostAsJsonAsync("/v1/text-to-speech/nobody?output_format=pcm_16000", new { text = Line });
            Assert.That(unknownVoice.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(await unknownVoice.Content.ReadAsStringAsync(), Does.Contain("voice_not_found"));
        }

        [Test]
        public async Task VoicesAndModelsAreListedAsTheSdksReadThem()
        {
            var voices = JsonDocument.Parse(await _http.GetStringAsync("/v1/voices")).RootElement.GetProperty("voices");
            Assert.That(voices.EnumerateArray().Select(v => v.GetProperty("voice_id").GetString()), Is.EqualTo(FakeElevenLabs.Voices));
            var one = JsonDocument.Parse(await _http.GetStringAsync($"/v1/voices/{Voice}")).RootElement;
            Assert.That((one.GetProperty("voice_id").GetString(), one.GetProperty("name").GetString()), Is.EqualTo((Voice, "Rachel")));
            Assert.That((await _http.GetAsync("/v1/voices/nobody")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));

            var models = JsonDocument.Parse(await _http.GetStringAsync("/v1/models")).RootElement;
            Assert.That(models.ValueKind, Is.EqualTo(JsonValueKind.Array));
            Assert.That(models.EnumerateArray().Select(m => m.GetProperty("model_id").GetString()), Does.Contain("eleven_flash_v2_5"));
            Assert.That(models.EnumerateArray().All(m => m.GetProperty("can_do_text_to_speech").GetBoolean()), Is.True);

            using var anonymous = new HttpClient { BaseAddress = new Uri(_fake.BaseUrl) };
            var refused = await anonymous.GetAsync("/v1/models");
            Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(await refused.Content.ReadAsStringAsync(), Does.Contain("invalid_api_key"));
        }
    }
}
