using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;
using VoiceNpc.Audio;
using VoiceNpc.Characters;
using VoiceNpc.Conversation;
using VoiceNpc.FakeCloud;
using VoiceNpc.Providers;
using VoiceNpc.Providers.Cloud;
using VoiceNpc.Providers.ElevenLabs;
using VoiceNpc.Tests.Support;
using VoiceNpc.Tts;

namespace VoiceNpc.Tests.EndToEnd.Cloud
{
    /// <summary>ElevenLabs' stream-input WebSocket: a reply fed clause by clause, against its loopback fake.</summary>
    public class ElevenLabsStreamInputTests
    {
        private const string PlantedKey = "el-planted-secret-0123456789abcdef";
        private static readonly string[] Clauses = { "Well met, ", "traveller. ", "The forge is hot today." };
        private static readonly VoiceSettings Rachel = new VoiceSettings(FakeElevenLabs.Voices[0], null, 1.1f);
        private FakeElevenLabs _fake = null!;

        [SetUp]
        public void StartFake() => _fake = FakeElevenLabs.StartAsync().GetAwaiter().GetResult();

        [TearDown]
        public void StopFake() => _fake.DisposeAsync().AsTask().GetAwaiter().GetResult();

        private ElevenLabsSpeech Voice(string? key = null, int retries = 2) => new ElevenLabsSpeech(new ElevenLabsOptions
        {
            BaseUrl = _fake.BaseUrl, Key = CloudKey.FromValue(key ?? _fake.Key), StallTimeout = TimeSpan.FromSeconds(3),
            Resilience = new ResilienceSettings { RetryDelay = TimeSpan.FromMilliseconds(10), MaxRetries = retries, AttemptTimeout = TimeSpan.FromSeconds(10), TotalTimeout = TimeSpan.FromSeconds(20) },
        });

        /// <summary>Opens a stream, sends the clauses while the audio is read, ends the input; the audio or the reader's failure.</summary>
        private static (List<SpeechChunk> Chunks, ISpeechInputStream Stream) Speak(ElevenLabsSpeech voice, IEnumerable<string> clauses, bool complete = true)
        {
            var stream = voice.OpenStreamAsync(Rachel, CancellationToken.None).GetAwaiter().GetResult();
            var reading = Task.Run(() => stream.ReadAudioAsync(CancellationToken.None).ToBlockingList());
            try
            {
                foreach (var clause in clauses) stream.SendAsync(clause, CancellationToken.None).GetAwaiter().GetResult();
                if (complete) stream.CompleteAsync(CancellationToken.None).GetAwaiter().GetResult();
            }
            catch (ProviderException) { }   // a broken socket; the reader says why
            try { return (reading.GetAwaiter().GetResult(), stream); }
            finally { stream.Dispose(); }
        }

        [Test]
        public void AReplyFedClauseByClauseComesBackAsOneStreamWithSubtitlesAndVisemes()
        {
            var (chunks, stream) = Speak(Voice(), Clauses);
            Assert.That(chunks.SelectMany(c => c.Samples).Max(s => Math.Abs((int)s)), Is.GreaterThan(1000), "real speech");
            var words = SpeechChunks.Join(chunks).Words;   // on the stream's clock
            Assert.That(words.Select(w => w.Word), Is.EqualTo(new[] { "Well", "met,", "traveller.", "The", "forge", "is", "hot", "today." }));
            Assert.That(words.Select(w => w.Start), Is.Ordered);
            Assert.That(chunks.SelectMany(c => c.Phones).Select(p => VisemeMap.ForPhone(p.Phone)).Distinct(), Does.Contain(Viseme.E).And.Contain(Viseme.Silence));
            Assert.That(stream.ClausesSpoken, Is.EqualTo(3));

            var (voice, query, messages) = _fake.Streams.Single();
            Assert.That(voice, Is.EqualTo(FakeElevenLabs.Voices[0]));
            Assert.That(query, Does.Contain("model_id=eleven_flash_v2_5").And.Contain("output_format=pcm_16000").And.Contain("sync_alignment=true"));
            var sent = messages.Select(m => JsonDocument.Parse(m).RootElement).ToList();
            Assert.That(sent.Select(m => m.GetProperty("text").GetString()), Is.EqualTo(new[] { " ", "Well met, ", "traveller. ", "The forge is hot today. ", "" }));
            Assert.That(sent[0].GetProperty("voice_settings").GetProperty("speed").GetDouble(), Is.EqualTo(1.1).Within(1e-6));
            Assert.That(sent[0].TryGetProperty("xi_api_key", out _), Is.False, "the key goes in the header, not in a message");
            Assert.That(sent[1].GetProperty("flush").GetBoolean(), Is.True, "the first clause is not held back for more text");
            Assert.That(sent[2].GetProperty("try_trigger_generation").GetBoolean(), Is.True);
        }

        [Test]
        public void ARefusedKeyFailsAtTheHandshakeWithoutRetryOrShowingTheKey()
        {
            var error = Assert.Throws<ProviderException>(() => Voice(PlantedKey).OpenStreamAsync(Rachel, CancellationToken.None).GetAwaiter().GetResult());
            Assert.That(error!.Message, Is.EqualTo("elevenlabs: the handshake was refused with HTTP 401"));
            Assert.That(_fake.Requests, Is.EqualTo(1));
            Assert.That(error.ToString(), Does.Not.Contain(PlantedKey.Substring(0, 12)));
        }

        [Test]
        public void ABusyServiceIsRetriedAtTheHandshake()
        {
            _fake.Knobs.ErrorStatus = 429;
            _fake.Knobs.ErrorCount = 1;
            Assert.That(Speak(Voice(), Clauses).Chunks, Is.Not.Empty);
            Assert.That(_fake.Requests, Is.EqualTo(2));
        }

        [TestCase("dropped", "the connection dropped")]
        [TestCase("malformed", "a malformed message")]
        public void ABrokenStreamFailsAndSaysWhatWasSpoken(string fault, string message)
        {
            if (fault == "dropped") _fake.Knobs.DisconnectAfterChunks = 2;
            else _fake.Knobs.MalformedAfterChunks = 2;
            var error = Assert.Throws<ProviderException>(() => Speak(Voice(), Clauses));
            Assert.That(error!.Message, Does.StartWith("elevenlabs: " + message));
        }

        // A drop is a reset, which may also discard frames the client had not read yet; a malformed frame arrives in
        // order after all the good ones, so that case knows for sure the first clause was heard.
        [TestCase("dropped", 1)]
        [TestCase("malformed", 6)]
        public void AStreamCutShortKnowsWhichClausesWereSpokenWhole(string fault, int afterChunks)
        {
            if (fault == "dropped") _fake.Knobs.DisconnectAfterChunks = afterChunks;
            else _fake.Knobs.MalformedAfterChunks = afterChunks;
            using var stream = Voice().OpenStreamAsync(Rachel, CancellationToken.None).GetAwaiter().GetResult();
            try
            {
                foreach (var clause in Clauses) stream.SendAsync(clause, CancellationToken.None).GetAwaiter().GetResult();
                stream.CompleteAsync(CancellationToken.None).GetAwaiter().GetResult();
            }
            catch (ProviderException) { }
            var words = new List<string>();
            Assert.Throws<ProviderException>(() =>
            {
                var audio = stream.ReadAudioAsync(CancellationToken.None).GetAsyncEnumerator();
                while (audio.MoveNextAsync().AsTask().GetAwaiter().GetResult()) words.AddRange(audio.Current.Words.Select(w => w.Word));
            });
            int whole = Clauses.Count(c => words.Contains(c.Trim().Split(' ').Last()));
            Assert.That(stream.ClausesSpoken, Is.EqualTo(whole));
            if (fault == "malformed") Assert.That(whole, Is.GreaterThanOrEqualTo(1), "the first clause was heard before the bad frame");
        }

        [Test]
        public void AStreamClosedCleanlyBeforeItsFinalMessageIsAFailureNotAShortReply()
        {
            _fake.CloseEarlyAfterChunks = 2;
            var error = Assert.Throws<ProviderException>(() => Speak(Voice(), Clauses));
            Assert.That(error!.Message, Does.Contain("before its final message"));
        }

        [Test]
        public void AnInputTimeoutIsTheServicesErrorFrame()
        {
            _fake.InactivityTimeout = TimeSpan.FromMilliseconds(300);
            var error = Assert.Throws<ProviderException>(() => Speak(Voice(), Clauses.Take(1), complete: false));
            Assert.That(error!.Message, Does.StartWith("elevenlabs: input_timeout_exceeded: Have not received a new text input within the timeout"));
        }

        [Test]
        public void AStalledStreamFails()
        {
            _fake.Knobs.FirstByteLatency = TimeSpan.FromSeconds(30);
            var error = Assert.Throws<ProviderException>(() => Speak(Voice(), Clauses));
            Assert.That(error!.Message, Does.Contain("the stream stalled"));
        }

        [Test]
        public void CancellingMidReplyClosesTheSocket()
        {
            _fake.Knobs.ChunkInterval = TimeSpan.FromMilliseconds(300);
            using var bargeIn = new CancellationTokenSource();
            using var stream = Voice().OpenStreamAsync(Rachel, bargeIn.Token).GetAwaiter().GetResult();
            stream.SendAsync(string.Concat(Clauses), bargeIn.Token).GetAwaiter().GetResult();
            var audio = stream.ReadAudioAsync(bargeIn.Token).GetAsyncEnumerator();
            Assert.That(audio.MoveNextAsync().AsTask().GetAwaiter().GetResult(), Is.True);
            bargeIn.Cancel();
            Assert.That(() => audio.MoveNextAsync().AsTask().GetAwaiter().GetResult(), Throws.InstanceOf<OperationCanceledException>());
            Eventually.Until(() => _fake.Aborted > 0, "the fake seeing the socket closed", 10);
        }

        [TestCase("{\"text\":\" \",\"xi_api_key\":\"wrong\"}", "invalid_api_key")]
        [TestCase("not json", "invalid_input_message")]
        public void TheFakeAnswersABadFirstMessageWithTheServicesErrorAndClose1008(string first, string expected)
        {
            using var socket = new ClientWebSocket();
            socket.ConnectAsync(new Uri(_fake.BaseUrl.Replace("http://", "ws://") + $"/v1/text-to-speech/{FakeElevenLabs.Voices[0]}/stream-input?output_format=pcm_16000"), CancellationToken.None).GetAwaiter().GetResult();
            socket.SendAsync(new ArraySegment<byte>(Encoding.UTF8.GetBytes(first)), WebSocketMessageType.Text, true, CancellationToken.None).GetAwaiter().GetResult();
            var buffer = new byte[4096];
            var frame = socket.ReceiveAsync(new ArraySegment<byte>(buffer), CancellationToken.None).GetAwaiter().GetResult();
            var json = JsonDocument.Parse(Encoding.UTF8.GetString(buffer, 0, frame.Count)).RootElement;
            Assert.That(json.GetProperty("error").GetString(), Is.EqualTo(expected));
            Assert.That(json.GetProperty("code").GetInt32(), Is.EqualTo(1008));
            var close = socket.ReceiveAsync(new ArraySegment<byte>(buffer), CancellationToken.None).GetAwaiter().GetResult();
            Assert.That(close.CloseStatus, Is.EqualTo(WebSocketCloseStatus.PolicyViolation));
        }

        [TestCase(null)]
        [TestCase(2)]
        public void AConversationSpeaksTheReplyOverOneStreamAndFallsBackWithoutLosingAClause(int? dropAfterChunks)
        {
            _fake.Knobs.DisconnectAfterChunks = dropAfterChunks;
            var harness = new ConversationHarness("what do you sell") { FirstTts = (Voice(retries: 1), FakeElevenLabs.Voices[0]) };
            harness.Character = harness.Character with { Fillers = new string[0] };   // fillers are single lines over HTTP: only the reply here
            harness.Run(new PlayerScript(new[] { ConversationHarness.Speech(0.6) }), 1);

            var turn = harness.Of<TurnCompleted>().Single().Metrics;
            Assert.That(turn.NpcText, Does.StartWith("Swords, axes and shields"));
            var (_, _, messages) = _fake.Streams.Single();
            var sentText = string.Concat(messages.Skip(1).Select(m => JsonDocument.Parse(m).RootElement.GetProperty("text").GetString()));
            if (dropAfterChunks == null)
            {
                Assert.That(sentText.Trim(), Is.EqualTo(turn.NpcText), "the whole reply went into the one stream");
                Assert.That(turn.TtsProvider, Is.EqualTo("elevenlabs"));
                Assert.That(harness.Tts.Spoken, Is.Empty);
                return;
            }
            // The clauses written after the cut never reach the stream; the next voice says them.
            Assert.That(turn.NpcText, Does.StartWith(sentText.Trim()), "the stream got the reply's start");
            var fell = harness.Of<ProviderFellBack>().Single();
            Assert.That((fell.Stage, fell.From, fell.To), Is.EqualTo(("tts", "elevenlabs", harness.Tts.Name)));
            Assert.That(harness.Tts.Spoken, Is.Not.Empty, "the fallback voice said the rest");
            // Cut 0.4 s into its first clause, the stream had spoken no clause whole: the fallback says them all, once each.
            Assert.That(string.Join(" ", harness.Tts.Spoken.Select(c => c.Trim())), Is.EqualTo(turn.NpcText));
        }
    }
}
