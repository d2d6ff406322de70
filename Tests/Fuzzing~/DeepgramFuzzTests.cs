using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using NUnit.Framework;
using VoiceNpc.Providers;
using VoiceNpc.Providers.Deepgram;
using VoiceNpc.Stt;
using VoiceNpc.Tests.Fuzzing.Harness;

namespace VoiceNpc.Tests.Fuzzing
{
    /// <summary>
    /// Deepgram's live socket messages (<see cref="DeepgramMessage.Parse"/>) and pre-recorded responses
    /// (<see cref="DeepgramPrerecorded.Parse"/>): read, or a <see cref="ProviderException"/> (the chain falls back).
    /// The bytes are decoded as the socket and HttpClient decode them (UTF-8, invalid bytes replaced).
    /// </summary>
    public class DeepgramFuzzTests
    {
        private const string Word = "{\"word\":\"sell\",\"punctuated_word\":\"sell?\",\"start\":0.48,\"end\":0.8,\"confidence\":0.97}";
        private const string Alternative = "{\"transcript\":\"what do you sell\",\"confidence\":0.98,\"words\":[" + Word + "]}";

        [Test]
        public void EveryMutatedLiveMessageReadsOrFailsTheProvider()
        {
            FuzzRun.Json(Live.Name, bytes => DeepgramMessage.Parse(Encoding.UTF8.GetString(bytes)), typeof(ProviderException));
        }

        [Test]
        public void EveryMutatedPrerecordedResponseReadsOrFailsTheProvider()
        {
            FuzzRun.Json(Prerecorded.Name, bytes => DeepgramPrerecorded.Parse(Encoding.UTF8.GetString(bytes)), typeof(ProviderException));
        }

        [Test]
        public void AFinalResultKeepsItsPunctuatedWordsAndTimes()
        {
            var message = DeepgramMessage.Parse("{\"type\":\"Results\",\"is_final\":true,\"speech_final\":true,\"channel\":{\"alternatives\":[" + Alternative + "]}}");
            Assert.That(message.Transcript, Is.EqualTo("what do you sell"));
            Assert.That(message.IsFinal && message.SpeechFinal && !message.FromFinalize, Is.True);
            Assert.That(message.Words.Single(), Is.EqualTo(new RecognizedWord("sell?", TimeSpan.FromSeconds(0.48), TimeSpan.FromSeconds(0.8), 0.97f)));
        }

        [TestCase("{\"type\":\"Results\",\"channel\":{}}", "$.channel.alternatives should be present")]
        [TestCase("{\"type\":\"Results\",\"channel\":{\"alternatives\":[]}}", "$.channel.alternatives[0] should be present (the array is shorter)")]
        [TestCase("{\"type\":\"Results\",\"channel\":{\"alternatives\":[{\"transcript\":7}]}}", "$.channel.alternatives[0].transcript should be a string, found number 7")]
        [TestCase("{\"type\":\"Results\",\"is_final\":\"yes\",\"channel\":{\"alternatives\":[{\"transcript\":\"\"}]}}", "$.is_final should be true or false")]
        [TestCase("{\"type\":\"Results\",\"channel\":{\"alternatives\":[{\"transcript\":\"a\",\"words\":[{\"word\":\"a\",\"start\":1e300,\"end\":1}]}]}}",
            "$.channel.alternatives[0].words[0].start should be a number from -86400 to 86400")]
        [TestCase("[\"Results\"]", "$ should be an object, found array")]
        [TestCase("{\"type\":", "a malformed message (")]
        public void AMalformedLiveMessageIsAProviderErrorNamingTheField(string message, string expected)
        {
            var error = Assert.Throws<ProviderException>(() => DeepgramMessage.Parse(message));
            Assert.That(error!.Message, Does.Contain(expected));
            Assert.That(error.Provider, Is.EqualTo(DeepgramLiveStt.ProviderName));
        }

        /// <summary>The live socket's messages.</summary>
        public sealed class Live : NamedCorpus
        {
            public const string Name = "deepgram-live";

            public Live() : base(Name, "Deepgram live socket messages (DeepgramMessage.Parse, used by DeepgramConnection).") { }

            public override IEnumerable<CorpusEntry> Entries()
            {
                yield return Json("results-final.json", "{\"type\":\"Results\",\"channel_index\":[0,1],\"duration\":1.2,\"start\":0,\"is_final\":true,\"speech_final\":true," +
                    "\"from_finalize\":false,\"channel\":{\"alternatives\":[" + Alternative + "]},\"metadata\":{\"request_id\":\"r1\"}}", "a final result with punctuated words");
                yield return Json("results-interim.json", "{\"type\":\"Results\",\"is_final\":false,\"channel\":{\"alternatives\":[{\"transcript\":\"what do\",\"words\":[]}]}}",
                    "an interim result");
                yield return Json("results-from-finalize.json", "{\"type\":\"Results\",\"is_final\":true,\"from_finalize\":true,\"channel\":{\"alternatives\":[{\"transcript\":\"\"}]}}",
                    "the final answering our Finalize, with no words");
                yield return Json("utterance-end.json", "{\"type\":\"UtteranceEnd\",\"channel\":[0,1],\"last_word_end\":2.1}", "UtteranceEnd");
                yield return Json("speech-started.json", "{\"type\":\"SpeechStarted\",\"channel\":[0],\"timestamp\":0.2}", "SpeechStarted (ignored)");
                yield return Json("metadata.json", "{\"type\":\"Metadata\",\"request_id\":\"r1\",\"duration\":3.5,\"channels\":1,\"models\":[\"nova-3\"]}", "Metadata (ignored)");
                yield return Json("error.json", "{\"type\":\"Error\",\"description\":\"Invalid audio\",\"message\":\"bad\",\"variant\":\"x\"}", "an Error message");
                yield return Json("error-no-description.json", "{\"type\":\"Error\",\"description\":5}", "an Error whose description is not a string");
                yield return Json("results-no-channel.json", "{\"type\":\"Results\",\"is_final\":true}", "Results without a channel (was KeyNotFoundException)");
                yield return Json("results-no-alternatives.json", "{\"type\":\"Results\",\"channel\":{\"alternatives\":[]}}", "an empty alternatives array (was IndexOutOfRange)");
                yield return Json("results-word-time-huge.json", "{\"type\":\"Results\",\"is_final\":true,\"channel\":{\"alternatives\":[{\"transcript\":\"a\",\"words\":" +
                    "[{\"word\":\"a\",\"start\":1e300,\"end\":1e400}]}]}}", "word times beyond TimeSpan (was OverflowException)");
                yield return Json("results-word-time-negative.json", "{\"type\":\"Results\",\"is_final\":true,\"channel\":{\"alternatives\":[{\"transcript\":\"a\",\"words\":" +
                    "[{\"word\":\"a\",\"start\":-5,\"end\":-1}]}]}}", "negative word times");
                yield return Json("results-word-not-object.json", "{\"type\":\"Results\",\"is_final\":true,\"channel\":{\"alternatives\":[{\"transcript\":\"a\",\"words\":[\"a\",1]}]}}",
                    "words that are not objects (was InvalidOperationException)");
                yield return Json("results-wrong-types.json", "{\"type\":\"Results\",\"is_final\":1,\"speech_final\":\"true\",\"channel\":{\"alternatives\":{\"transcript\":\"a\"}}}",
                    "flags and alternatives of the wrong JSON type");
                yield return Json("type-not-string.json", "{\"type\":[\"Results\"]}", "a type that is not a string");
                yield return Json("not-an-object.json", "[1,2,3]", "an array where a message belongs");
                yield return Json("truncated.json", "{\"type\":\"Results\",\"channel\":{\"alter", "a message cut short");
            }
        }

        /// <summary>The pre-recorded endpoint's responses.</summary>
        public sealed class Prerecorded : NamedCorpus
        {
            public const string Name = "deepgram-prerecorded";

            public Prerecorded() : base(Name, "Deepgram pre-recorded responses (DeepgramPrerecorded.Parse: POST /v1/listen).") { }

            public override IEnumerable<CorpusEntry> Entries()
            {
                yield return Json("response.json", "{\"metadata\":{\"request_id\":\"r1\",\"duration\":1.2,\"channels\":1},\"results\":{\"channels\":[{\"alternatives\":[" + Alternative + "]}]}}",
                    "a response with one channel and one word");
                yield return Json("response-no-words.json", "{\"results\":{\"channels\":[{\"alternatives\":[{\"transcript\":\"  \",\"confidence\":0}]}]}}", "silence: a blank transcript, no words");
                yield return Json("no-results.json", "{\"metadata\":{}}", "no results (was KeyNotFoundException)");
                yield return Json("no-channels.json", "{\"results\":{\"channels\":[]}}", "an empty channel list (was IndexOutOfRange)");
                yield return Json("word-time-huge.json", "{\"results\":{\"channels\":[{\"alternatives\":[{\"transcript\":\"a\",\"words\":[{\"word\":\"a\",\"start\":9e18,\"end\":9e18}]}]}]}}",
                    "word times beyond TimeSpan (was OverflowException)");
                yield return Json("word-without-text.json", "{\"results\":{\"channels\":[{\"alternatives\":[{\"transcript\":\"a\",\"words\":[{\"start\":0,\"end\":1}]}]}]}}",
                    "a word without its text");
                yield return Json("error-body.json", "{\"err_code\":\"INVALID_AUTH\",\"err_msg\":\"Invalid credentials.\",\"request_id\":\"r2\"}", "an error body where a response belongs");
            }
        }

        private static CorpusEntry Json(string name, string json, string meaning) => CorpusEntry.Text(name, json, meaning);
    }
}
