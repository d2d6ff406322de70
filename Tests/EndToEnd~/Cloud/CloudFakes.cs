using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json.Nodes;
using VoiceNpc.FakeCloud;
using VoiceNpc.Tests.Support;

namespace VoiceNpc.Tests.EndToEnd.Cloud
{
    /// <summary>The three vendor fakes on loopback for one test, a scratch folder, and Brenna set up to use them.</summary>
    public sealed class CloudFakes : IDisposable
    {
        private CloudFakes()
        {
            Deepgram = FakeDeepgram.StartAsync().GetAwaiter().GetResult();
            OpenAI = FakeOpenAI.StartAsync().GetAwaiter().GetResult();
            ElevenLabs = FakeElevenLabs.StartAsync().GetAwaiter().GetResult();
            Folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "voicenpc-cloud-" + Guid.NewGuid().ToString("N"))).FullName;
        }

        public FakeDeepgram Deepgram { get; }
        public FakeOpenAI OpenAI { get; }
        public FakeElevenLabs ElevenLabs { get; }
        public string Folder { get; }

        public static CloudFakes Start() => new CloudFakes();

        /// <summary>The fakes' base URLs in the environment, each beside its key (so each key is bound to its fake).</summary>
        public Dictionary<string, string?> Environment(string deepgramKey, string openaiKey, string elevenKey) => new Dictionary<string, string?>
        {
            ["DEEPGRAM_API_KEY"] = deepgramKey, ["OPENAI_API_KEY"] = openaiKey, ["ELEVENLABS_API_KEY"] = elevenKey,
            ["DEEPGRAM_BASE_URL"] = Deepgram.BaseUrl, ["OPENAI_BASE_URL"] = OpenAI.BaseUrl, ["ELEVENLABS_BASE_URL"] = ElevenLabs.BaseUrl,
        };

        /// <summary>
        /// Brenna with every cloud stage first and the embedded ones behind. Deadlines are generous: the fakes recognise and
        /// speak with the embedded engines, which a busy machine makes slower than a real service.
        /// </summary>
        public static JsonNode BrennaOnTheCloud()
        {
            var json = JsonNode.Parse(File.ReadAllText(RepoPaths.BlacksmithCharacter))!;
            json["voices"]!["elevenlabs"] = new JsonObject { ["voice"] = FakeElevenLabs.Voices[0] };
            json["deadlines"] = new JsonObject { ["sttSeconds"] = 20, ["llmSeconds"] = 20, ["ttsSeconds"] = 20 };
            json["fallbacks"] = JsonNode.Parse(
                "{\"vad\":[\"silero\",\"energy\"],\"stt\":[\"deepgram\",\"pocketsphinx\"],\"llm\":[\"openai\",\"scripted\"],\"tts\":[\"elevenlabs\",\"flite\"]}");
            return json;
        }

        public void Dispose()
        {
            Deepgram.DisposeAsync().AsTask().GetAwaiter().GetResult();
            OpenAI.DisposeAsync().AsTask().GetAwaiter().GetResult();
            ElevenLabs.DisposeAsync().AsTask().GetAwaiter().GetResult();
            Directory.Delete(Folder, recursive: true);
        }
    }

    /// <summary>A test fixture with fresh <see cref="CloudFakes"/> for each test.</summary>
    public abstract class CloudFakesFixture
    {
        protected CloudFakes Fakes { get; private set; } = null!;
        protected FakeDeepgram _deepgram = null!;
        protected FakeOpenAI _openai = null!;
        protected FakeElevenLabs _eleven = null!;
        protected string _folder = "";

        [NUnit.Framework.SetUp]
        public void StartFakes()
        {
            Fakes = CloudFakes.Start();
            (_deepgram, _openai, _eleven, _folder) = (Fakes.Deepgram, Fakes.OpenAI, Fakes.ElevenLabs, Fakes.Folder);
        }

        [NUnit.Framework.TearDown]
        public void StopFakes() => Fakes.Dispose();
    }
}
