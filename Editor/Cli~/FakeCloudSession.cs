using System;
using System.Threading.Tasks;
using VoiceNpc.FakeCloud;

namespace VoiceNpc.Cli
{
    /// <summary>
    /// `--fake-cloud` for the authoring verbs: starts the loopback fakes in this process and points this process's
    /// cloud providers at them (keys and base URLs in its environment), so cloud chains can be previewed and
    /// rehearsed with no keys and no network. The fake ElevenLabs accepts any voice id here.
    /// </summary>
    public sealed class FakeCloudSession : IAsyncDisposable
    {
        private readonly FakeDeepgram _deepgram;
        private readonly FakeOpenAI _openai;
        private readonly FakeElevenLabs _eleven;

        private FakeCloudSession(FakeDeepgram deepgram, FakeOpenAI openai, FakeElevenLabs eleven)
        {
            _deepgram = deepgram;
            _openai = openai;
            _eleven = eleven;
        }

        public static async Task<FakeCloudSession?> StartIfAsync(bool wanted)
        {
            if (!wanted) return null;
            var session = new FakeCloudSession(await FakeDeepgram.StartAsync(), await FakeOpenAI.StartAsync(), await FakeElevenLabs.StartAsync());
            session._eleven.AnyVoice = true;
            Point("DEEPGRAM", session._deepgram.BaseUrl, session._deepgram.Key);
            Point("OPENAI", session._openai.BaseUrl, session._openai.Key);
            Point("ELEVENLABS", session._eleven.BaseUrl, session._eleven.Key);
            return session;
        }

        private static void Point(string service, string baseUrl, string key)
        {
            Environment.SetEnvironmentVariable(service + "_BASE_URL", baseUrl);
            Environment.SetEnvironmentVariable(service + "_API_KEY", key);
        }

        public async ValueTask DisposeAsync()
        {
            await _deepgram.DisposeAsync().ConfigureAwait(false);
            await _openai.DisposeAsync().ConfigureAwait(false);
            await _eleven.DisposeAsync().ConfigureAwait(false);
        }
    }
}
