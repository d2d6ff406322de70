using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using NUnit.Framework;
using VoiceNpc.Providers;
using VoiceNpc.Providers.ElevenLabs;
using VoiceNpc.Tests.Fuzzing.Harness;

namespace VoiceNpc.Tests.Fuzzing
{
    /// <summary>
    /// ElevenLabs' audio messages (<see cref="ElevenLabsFrames"/>) and the character alignment they feed
    /// (<see cref="CharacterAlignment"/>): a speech chunk with words and phones, or a <see cref="ProviderException"/>.
    /// </summary>
    public class ElevenLabsFuzzTests
    {
        private static readonly string Pcm = Convert.ToBase64String(Enumerable.Range(0, 64).Select(i => (byte)(i * 7)).ToArray());

        [Test]
        public void EveryMutatedStreamLineReadsOrFailsTheProvider()
        {
            FuzzRun.Json(Stream.Name, bytes => Align(bytes, (text, alignment, start) => ElevenLabsFrames.StreamLine(text, alignment, start)), typeof(ProviderException));
        }

        [Test]
        public void EveryMutatedInputFrameReadsOrFailsTheProvider()
        {
            FuzzRun.Json(Input.Name, bytes => Align(bytes, (text, alignment, start) => ElevenLabsFrames.InputFrame(text, alignment, start)), typeof(ProviderException));
        }

        [Test]
        public void AnEmptyCharacterIsAPauseNotACrash()
        {
            // ElevenLabs may send "" (or null) among the characters; PhoneOf("") indexed its first letter.
            var (words, phones) = new CharacterAlignment().Add(new[] { "H", "", "i" }, new[] { 0.0, 0.1, 0.2 }, new[] { 0.1, 0.2, 0.3 }, 0);
            Assert.That(phones.Select(p => p.Phone), Is.EqualTo(new[] { "h", "pau", "iy" }));
            Assert.That(words.Select(w => w.Word), Is.EqualTo(new[] { "H" }), "an empty character ends a word, as a space does");
        }

        [Test]
        public void AFrameWithAnEmptyCharacterStillGivesItsWords()
        {
            var frame = ElevenLabsFrames.InputFrame("{\"audio\":\"" + Pcm + "\",\"isFinal\":false,\"alignment\":{\"chars\":[\"H\",\"i\",\"\",\" \"]," +
                "\"charStartTimesMs\":[0,50,100,110],\"charsDurationsMs\":[50,50,10,20]}}", new CharacterAlignment(), 1.0);
            Assert.That(frame.Chunk!.Samples.Length, Is.EqualTo(32));
            Assert.That(frame.Chunk.Words.Single().Word, Is.EqualTo("Hi"));
            Assert.That(frame.LettersSpoken, Is.EqualTo(2));
        }

        [TestCase("{\"audio_base64\":\"%%%\"}", "$.audio_base64 is not base64")]
        [TestCase("{\"audio_base64\":\"\",\"alignment\":{\"characters\":[\"a\"],\"character_start_times_seconds\":[1e400],\"character_end_times_seconds\":[1]}}",
            "$.alignment.character_start_times_seconds[0] should be a number from -86400 to 86400")]
        [TestCase("{\"audio_base64\":\"\",\"alignment\":{\"characters\":[1],\"character_start_times_seconds\":[0],\"character_end_times_seconds\":[1]}}",
            "$.alignment.characters[0] should be a string, found number 1")]
        [TestCase("{\"alignment\":{}}", "$.audio_base64 should be present")]
        public void AMalformedStreamLineIsAProviderErrorNamingTheField(string line, string expected)
        {
            var error = Assert.Throws<ProviderException>(() => ElevenLabsFrames.StreamLine(line, new CharacterAlignment(), 0));
            Assert.That(error!.Message, Does.Contain(expected));
        }

        /// <summary>The message read into a fresh alignment, at the stream's start or a second in, then the alignment finished.</summary>
        private static void Align(byte[] bytes, Func<string, CharacterAlignment, double, object> read)
        {
            var alignment = new CharacterAlignment();
            double start = bytes.Length % 2 == 0 ? 0 : 1.0;
            read(Encoding.UTF8.GetString(bytes), alignment, start);
            alignment.Finish(start + 1);
        }

        /// <summary>Lines of POST /v1/text-to-speech/{voice}/stream/with-timestamps.</summary>
        public sealed class Stream : NamedCorpus
        {
            public const string Name = "elevenlabs-stream";

            public Stream() : base(Name, "ElevenLabs with-timestamps NDJSON lines (ElevenLabsFrames.StreamLine, used by ElevenLabsSpeech).") { }

            public override IEnumerable<CorpusEntry> Entries()
            {
                yield return Line("chunk.json", "{\"audio_base64\":\"" + Pcm + "\",\"alignment\":{\"characters\":[\"H\",\"i\",\" \",\"t\",\"o\"]," +
                    "\"character_start_times_seconds\":[0,0.05,0.1,0.15,0.2],\"character_end_times_seconds\":[0.05,0.1,0.15,0.2,0.25]}," +
                    "\"normalized_alignment\":null}", "a chunk of audio with its character alignment");
                yield return Line("audio-only.json", "{\"audio_base64\":\"" + Pcm + "\",\"alignment\":null}", "audio without alignment");
                yield return Line("empty-character.json", "{\"audio_base64\":\"\",\"alignment\":{\"characters\":[\"a\",\"\",null]," +
                    "\"character_start_times_seconds\":[0,0.1,0.2],\"character_end_times_seconds\":[0.1,0.2,0.3]}}",
                    "an empty and a null character (PhoneOf(\"\") threw ArgumentOutOfRange)");
                yield return Line("lengths-differ.json", "{\"audio_base64\":\"AAA=\",\"alignment\":{\"characters\":[\"a\",\"b\",\"c\"]," +
                    "\"character_start_times_seconds\":[0],\"character_end_times_seconds\":[0.1,0.2]}}", "alignment arrays of different lengths; odd PCM bytes");
                yield return Line("bad-base64.json", "{\"audio_base64\":\"not base64!\"}", "audio that is not base64 (was FormatException)");
                yield return Line("times-huge.json", "{\"audio_base64\":\"\",\"alignment\":{\"characters\":[\"a\"],\"character_start_times_seconds\":[1e308]," +
                    "\"character_end_times_seconds\":[-1e308]}}", "times beyond TimeSpan (was OverflowException)");
                yield return Line("wrong-types.json", "{\"audio_base64\":5,\"alignment\":{\"characters\":\"abc\"}}", "fields of the wrong JSON type");
                yield return Line("error-detail.json", "{\"detail\":{\"status\":\"quota_exceeded\",\"message\":\"out of credits\"}}", "an error body where a chunk belongs");
            }
        }

        /// <summary>Frames of the stream-input WebSocket.</summary>
        public sealed class Input : NamedCorpus
        {
            public const string Name = "elevenlabs-input";

            public Input() : base(Name, "ElevenLabs stream-input WebSocket frames (ElevenLabsFrames.InputFrame, used by ElevenLabsInputStream).") { }

            public override IEnumerable<CorpusEntry> Entries()
            {
                yield return Line("audio.json", "{\"audio\":\"" + Pcm + "\",\"isFinal\":null,\"normalizedAlignment\":null,\"alignment\":{\"chars\":[\"H\",\"i\",\" \"]," +
                    "\"charStartTimesMs\":[0,50,100],\"charsDurationsMs\":[50,50,20]}}", "audio with chunk-relative alignment in milliseconds");
                yield return Line("audio-other-spelling.json", "{\"audio\":\"" + Pcm + "\",\"alignment\":{\"chars\":[\"o\",\"k\"],\"charsStartTimesMs\":[0,40],\"charDurationsMs\":[40,40]}}",
                    "the other spelling of the time fields");
                yield return Line("final.json", "{\"isFinal\":true}", "the final message");
                yield return Line("error.json", "{\"error\":\"input_timeout_exceeded\",\"message\":\"no text for 20 s\",\"code\":1008}", "an error frame");
                yield return Line("empty-character.json", "{\"audio\":\"\",\"alignment\":{\"chars\":[\"\",null],\"charStartTimesMs\":[0,1],\"charsDurationsMs\":[1,1]}}",
                    "an empty and a null character (PhoneOf(\"\") threw ArgumentOutOfRange)");
                yield return Line("durations-huge.json", "{\"audio\":\"\",\"alignment\":{\"chars\":[\"a\"],\"charStartTimesMs\":[1e300],\"charsDurationsMs\":[1e300]}}",
                    "times beyond TimeSpan (was OverflowException)");
                yield return Line("no-times.json", "{\"audio\":\"\",\"alignment\":{\"chars\":[\"a\"]}}", "an alignment without times (was KeyNotFoundException)");
                yield return Line("alignment-wrong-types.json", "{\"audio\":\"AA==\",\"alignment\":{\"chars\":[1,true],\"charStartTimesMs\":[\"0\"],\"charsDurationsMs\":{}}}",
                    "alignment fields of the wrong JSON type");
                yield return Line("not-an-object.json", "\"audio\"", "a string where a frame belongs");
            }
        }

        private static CorpusEntry Line(string name, string json, string meaning) => CorpusEntry.Text(name, json, meaning);
    }
}
