using System.Text;
using System.Text.Json;
using NUnit.Framework;
using VoiceNpc.Providers.ElevenLabs;

namespace VoiceNpc.Tests.EndToEnd.Cloud
{
    /// <summary>
    /// The request bodies written without reflection (for IL2CPP) are byte for byte what the reflection serializer wrote
    /// from anonymous objects before, and read back to the same values: escapes, non-ASCII text and fractions included.
    /// </summary>
    public class ElevenLabsRequestsTests
    {
        private const string Tricky = "Mind the \"sparks\", traveller \u2014 caf\u00e9 <b>&</b>\n";
        private static readonly ElevenLabsVoiceSettings Settings = new ElevenLabsVoiceSettings(0.5, 0.75, 1.0 / 3);

        private static object AnonymousSettings => new { stability = 0.5, similarity_boost = 0.75, speed = 1.0 / 3 };

        [Test]
        public void SpeechBodyIsWhatTheSerializerWrote()
        {
            var expected = JsonSerializer.SerializeToUtf8Bytes(new { text = Tricky, model_id = "eleven_flash_v2_5", voice_settings = AnonymousSettings });
            var written = ElevenLabsRequests.Speech(Tricky, "eleven_flash_v2_5", Settings);
            Assert.That(Encoding.UTF8.GetString(written), Is.EqualTo(Encoding.UTF8.GetString(expected)));

            using var json = JsonDocument.Parse(written);
            Assert.That(json.RootElement.GetProperty("text").GetString(), Is.EqualTo(Tricky));
            Assert.That(json.RootElement.GetProperty("voice_settings").GetProperty("speed").GetDouble(), Is.EqualTo(1.0 / 3));
        }

        [Test]
        public void StreamMessagesAreWhatTheSerializerWrote()
        {
            var start = new { text = " ", voice_settings = AnonymousSettings, generation_config = new { chunk_length_schedule = new[] { 50 } } };
            Assert.That(ElevenLabsRequests.StreamStart(Settings), Is.EqualTo(JsonSerializer.SerializeToUtf8Bytes(start)));
            Assert.That(ElevenLabsRequests.StreamText(Tricky, flush: true), Is.EqualTo(JsonSerializer.SerializeToUtf8Bytes(new { text = Tricky, flush = true })));
            Assert.That(ElevenLabsRequests.StreamText(Tricky, flush: false),
                Is.EqualTo(JsonSerializer.SerializeToUtf8Bytes(new { text = Tricky, try_trigger_generation = true })));
            Assert.That(ElevenLabsRequests.StreamEnd(), Is.EqualTo(JsonSerializer.SerializeToUtf8Bytes(new { text = "" })));
        }
    }
}
