using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using NUnit.Framework;
using VoiceNpc.Audio;
using VoiceNpc.FakeCloud;
using VoiceNpc.Tests.Support;

namespace VoiceNpc.Tests.EndToEnd.Cloud
{
    /// <summary>
    /// The Deepgram fake as deepgram-python-sdk calls it: pre-recorded `POST /v1/listen` with the file as the body, as
    /// raw linear16 at the caller's rate, or as {"url"} (transcribe_url); the live socket at a microphone's 48 kHz.
    /// </summary>
    public class DeepgramFakeProtocolTests
    {
        private const string Expected = "how much is a shield";
        private FakeDeepgram _fake = null!;
        private HttpClient _http = null!;

        [SetUp]
        public async Task Start()
        {
            _fake = await FakeDeepgram.StartAsync();
            _http = new HttpClient { BaseAddress = new Uri(_fake.BaseUrl.Replace("ws://", "http://")) };
            _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Token", _fake.Key);
        }

        [TearDown]
        public async Task Stop()
        {
            _http.Dispose();
            await _fake.DisposeAsync();
        }

        private static short[] PlayerLine => WavFile.ReadAsPipelineAudio(RepoPaths.PlayerLine("04-how-much-is-a-shield.wav"));

        private static byte[] Linear16(short[] pcm, int rate)
        {
            var samples = Resampler.Resample(pcm, AudioFormat.SampleRate, rate);
            var bytes = new byte[samples.Length * 2];
            Buffer.BlockCopy(samples, 0, bytes, 0, bytes.Length);
            return bytes;
        }

        private static JsonElement Alternative(string json) =>
            JsonDocument.Parse(json).RootElement.GetProperty("results").GetProperty("channels")[0].GetProperty("alternatives")[0];

        [Test]
        public async Task RawLinear16IsHeardAtTheSampleRateTheQueryNames()
        {
            var response = await _http.PostAsync("/v1/listen?model=nova-3&encoding=linear16&sample_rate=24000", new ByteArrayContent(Linear16(PlayerLine, 24000)));
            string json = await response.Content.ReadAsStringAsync();
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), json);
            Assert.That(Alternative(json).GetProperty("transcript").GetString(), Is.EqualTo(Expected));
            var metadata = JsonDocument.Parse(json).RootElement.GetProperty("metadata");
            Assert.That(metadata.GetProperty("duration").GetDouble(), Is.EqualTo(PlayerLine.Length / 16000.0).Within(0.01));
            Assert.That(metadata.GetProperty("sha256").GetString(), Has.Length.EqualTo(64));
            Assert.That(metadata.GetProperty("models").GetArrayLength(), Is.EqualTo(1));
        }

        [Test]
        public async Task AUrlIsFetchedAndTranscribedAndOneThatCannotBeIsTheServicesRemoteContentError()
        {
            await using var media = await MediaServer.StartAsync(WavFile.Encode(PlayerLine));
            var fetched = await _http.PostAsync("/v1/listen?model=nova-3&smart_format=true", Json(new { url = media.Url }));
            string json = await fetched.Content.ReadAsStringAsync();
            Assert.That(fetched.StatusCode, Is.EqualTo(HttpStatusCode.OK), json);
            Assert.That(Alternative(json).GetProperty("transcript").GetString(), Is.EqualTo(Expected));

            var gone = await _http.PostAsync("/v1/listen", Json(new { url = media.Url + "-missing" }));
            Assert.That(gone.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            var error = JsonDocument.Parse(await gone.Content.ReadAsStringAsync()).RootElement;
            Assert.That(error.GetProperty("err_code").GetString(), Is.EqualTo("REMOTE_CONTENT_ERROR"));
            Assert.That(error.GetProperty("request_id").GetString(), Is.Not.Empty);

            var noUrl = await _http.PostAsync("/v1/listen", Json(new { uri = media.Url }));
            Assert.That(noUrl.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(await noUrl.Content.ReadAsStringAsync(), Does.Contain("err_msg").And.Contain("url"));
        }

        private static StringContent Json(object body) => new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");

        [Test]
        public async Task TheLiveSocketHearsAMicrophoneAt48Kilohertz()
        {
            using var socket = new ClientWebSocket();
            socket.Options.SetRequestHeader("Authorization", "Token " + _fake.Key);
            await socket.ConnectAsync(new Uri(_fake.BaseUrl + "/v1/listen?model=nova-3&encoding=linear16&sample_rate=48000&channels=1"), CancellationToken.None);
            var audio = Linear16(PlayerLine, 48000);
            for (int offset = 0; offset < audio.Length; offset += 9600)   // 100 ms frames
                await socket.SendAsync(audio.AsMemory(offset, Math.Min(9600, audio.Length - offset)), WebSocketMessageType.Binary, true, CancellationToken.None);
            await socket.SendAsync(Encoding.UTF8.GetBytes("{\"type\":\"CloseStream\"}"), WebSocketMessageType.Text, true, CancellationToken.None);
            JsonElement final = default, metadata = default;
            var buffer = new byte[1 << 16];
            while (true)
            {
                using var message = new MemoryStream();
                ValueWebSocketReceiveResult received;
                do
                {
                    received = await socket.ReceiveAsync(buffer.AsMemory(), CancellationToken.None);
                    message.Write(buffer, 0, received.Count);
                }
                while (!received.EndOfMessage);
                if (received.MessageType == WebSocketMessageType.Close) break;
                var frame = JsonDocument.Parse(message.ToArray()).RootElement;
                if (frame.GetProperty("type").GetString() == "Metadata") metadata = frame;
                else if (frame.GetProperty("is_final").GetBoolean()) final = frame;
            }
            Assert.That(socket.CloseStatus, Is.EqualTo(WebSocketCloseStatus.NormalClosure));
            Assert.That(final.GetProperty("channel").GetProperty("alternatives")[0].GetProperty("transcript").GetString(), Is.EqualTo(Expected));
            Assert.That(final.GetProperty("duration").GetDouble(), Is.EqualTo(PlayerLine.Length / 16000.0).Within(0.01), "seconds, not samples at 16 kHz");
            Assert.That(metadata.GetProperty("duration").GetDouble(), Is.EqualTo(PlayerLine.Length / 16000.0).Within(0.01));
        }

        /// <summary>A loopback web server with one WAV at <see cref="Url"/> (the media a transcribe_url call names).</summary>
        private sealed class MediaServer : IAsyncDisposable
        {
            private readonly WebApplication _app;

            private MediaServer(WebApplication app, string url)
            {
                _app = app;
                Url = url;
            }

            public string Url { get; }

            public static async Task<MediaServer> StartAsync(byte[] wav)
            {
                var builder = WebApplication.CreateSlimBuilder();
                builder.Logging.ClearProviders();
                builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
                var app = builder.Build();
                app.MapGet("/line.wav", () => Results.Bytes(wav, "audio/wav"));
                await app.StartAsync();
                return new MediaServer(app, app.Urls.First() + "/line.wav");
            }

            public async ValueTask DisposeAsync()
            {
                await _app.StopAsync();
                await _app.DisposeAsync();
            }
        }
    }
}
